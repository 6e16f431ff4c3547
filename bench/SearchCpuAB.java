// CPU time per search of two builds of the search API, in one JVM over one index.
//
//   java --add-modules jdk.incubator.vector bench/SearchCpuAB.java INDEX SECONDS JAR_A JAR_B
//
// INDEX may also be INDEX_A,INDEX_B: build A searches the first index, B the second (e.g. the same
// jar twice, to compare two shapes of one index).
//
// Loads each search-api jar (e.g. the one of main, kept aside, and a new build) in its own class
// loader, opens a SearchService of each over INDEX, and alternates their searches of the three
// benchmark queries of bench/search-bench.sh (and the keyword without facets, a question of eight
// words, and a mail subject of the 20k corpus as the query): both builds see the
// same JIT warm-up and the same load from other processes, which on a shared machine moves
// wall-clock figures far more than any change does. Prints the median CPU time per search of each
// and B/A, after two warm-up rounds of SECONDS per query. CPU time of all the JVM's threads, not
// only the calling thread's: a search also runs on the service's slice threads (garbage collection
// and compilation count too, alike for both builds).
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

public class SearchCpuAB {

  record Build(Object service, Method search, Method request, Object caller) {}

  static Build open(String jar, String index) throws Exception {
    ClassLoader loader =
        new URLClassLoader(
            new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> service = loader.loadClass("vn.tracuu.api.SearchService");
    Class<?> request = loader.loadClass("vn.tracuu.api.SearchRequest");
    Class<?> caller = loader.loadClass("vn.tracuu.api.Caller");
    return new Build(
        service.getConstructor(Path.class).newInstance(Path.of(index)),
        service.getMethod("search", request, caller),
        request.getMethod("of", Function.class),
        caller.getMethod("staff", String.class, Set.class).invoke(null, "bench", Set.of("staff")));
  }

  public static void main(String[] args) throws Exception {
    if (args.length != 4) {
      System.err.println("usage: SearchCpuAB INDEX SECONDS JAR_A JAR_B");
      System.exit(2);
    }
    double seconds = Double.parseDouble(args[1]);
    String[] indexes = args[0].split(",", 2);
    Build[] builds = {
      open(args[2], indexes[0]), open(args[3], indexes[indexes.length - 1])
    };
    List<Map<String, String>> queries =
        List.of(
            Map.of("q", "bóng đá"),
            Map.of("q", "\"thành phố\""),
            Map.of("q", "kinh tế", "from", "2021-01-01", "to", "2021-12-31"),
            Map.of("q", "bóng đá", "facets", "false"),
            // Runs of 3+ words are looked up as titles: none is one here, and one mail subject.
            Map.of("q", "kế hoạch triển khai chuyển đổi số năm nay"),
            Map.of("q", "trao giải thưởng Tôn Thất Tùng cho GS Ngô Gia Hy"));
    for (int round = 0; round < 3; round++) {
      for (Map<String, String> query : queries) {
        Function<String, String> param = query::get;
        Object[] requests = {
          builds[0].request().invoke(null, param), builds[1].request().invoke(null, param)
        };
        List<List<Long>> cpu = List.of(new ArrayList<>(), new ArrayList<>());
        long end = System.nanoTime() + (long) (seconds * 1e9);
        for (int i = 0; System.nanoTime() < end; i++) {
          int b = i & 1;
          long start = cpuTime();
          builds[b].search().invoke(builds[b].service(), requests[b], builds[b].caller());
          cpu.get(b).add(cpuTime() - start);
        }
        if (round == 2) {
          double a = median(cpu.get(0));
          double b = median(cpu.get(1));
          System.out.printf(
              "%-50s A %6.2f ms  B %6.2f ms  B/A %.2f  (%d searches each)%n",
              new LinkedHashMap<>(query), a, b, b / a, cpu.get(1).size());
        }
      }
    }
    System.exit(0); // the services' refresh threads are daemons, but the readers stay open
  }

  /** CPU time of every live thread, in nanoseconds (the process's own clock ticks in 10 ms). */
  static long cpuTime() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      sum += Math.max(0, threads.getThreadCpuTime(id));
    }
    return sum;
  }

  static double median(List<Long> nanos) {
    Collections.sort(nanos);
    return nanos.get(nanos.size() / 2) / 1e6;
  }
}
