package vn.tracuu.indexer.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import vn.tracuu.schema.AnalysisFingerprint;
import vn.tracuu.schema.DateSource;
import vn.tracuu.schema.IndexRecord;
import vn.tracuu.schema.IndexSchema;
import vn.tracuu.schema.Kind;

/**
 * A generated archive for scale benchmarks: short Vietnamese mails, official documents and news
 * made from a vocabulary of our own, written through the production schema ({@link
 * IndexSchema#toDocument}) so the index has the fields, analysis and doc values of a real one.
 *
 * <p>Record {@code i} depends only on the seed and {@code i}, so the same arguments give the same
 * records whatever the number of threads. Word frequencies follow a Zipf law (a few words are in
 * many records, most in few), like real text; the words the search benchmark asks for ("bóng đá",
 * "thành phố", "kinh tế") sit at middle ranks.
 */
public final class SyntheticArchive {

  /** Words and compounds, most frequent first (ranks drive the Zipf frequencies). */
  static final String[] WORDS = {
    "của",
    "và",
    "các",
    "được",
    "trong",
    "cho",
    "với",
    "về",
    "đã",
    "những",
    "theo",
    "tại",
    "người",
    "công tác",
    "thực hiện",
    "đơn vị",
    "năm",
    "tỉnh",
    "việc",
    "triển khai",
    "kế hoạch",
    "báo cáo",
    "đề nghị",
    "chính quyền",
    "ủy ban",
    "nhân dân",
    "cơ quan",
    "quản lý",
    "hoạt động",
    "phát triển",
    "xã hội",
    "địa phương",
    "cán bộ",
    "dự án",
    "giáo dục",
    "y tế",
    "điện tử",
    "văn bản",
    "hồ sơ",
    "thủ tục",
    "hành chính",
    "dịch vụ",
    "công",
    "trực tuyến",
    "thể thao",
    "văn hóa",
    "du lịch",
    "nông nghiệp",
    "môi trường",
    "tài chính",
    "ngân sách",
    "đầu tư",
    "xây dựng",
    "giao thông",
    "đô thị",
    "nông thôn",
    "an ninh",
    "trật tự",
    "phòng chống",
    "thiên tai",
    "bão",
    "lũ",
    "mưa lớn",
    "học sinh",
    "sinh viên",
    "trường học",
    "bệnh viện",
    "khám chữa bệnh",
    "bảo hiểm",
    "lao động",
    "việc làm",
    "doanh nghiệp",
    "thuế",
    "đất đai",
    "tài nguyên",
    "nước sạch",
    "điện",
    "chuyển đổi số",
    "phần mềm",
    "dữ liệu",
    "hệ thống",
    "thông tin",
    "truyền thông",
    "báo chí",
    "giải đấu",
    "câu lạc bộ",
    "huấn luyện viên",
    "cầu thủ",
    "trận đấu",
    "khán giả",
    "lễ hội",
    "di tích",
    "bảo tồn",
    "nghệ thuật",
    "âm nhạc",
    "hội nghị",
    "cuộc họp",
    "tổng kết",
    "sơ kết",
    "thành phố",
    "quý",
    "tháng",
    "tuần",
    "ngày",
    "buổi sáng",
    "buổi chiều",
    "thời gian",
    "địa điểm",
    "thành phần",
    "tham dự",
    "chủ trì",
    "phối hợp",
    "hướng dẫn",
    "bóng đá",
    "kiểm tra",
    "giám sát",
    "thanh tra",
    "khiếu nại",
    "tố cáo",
    "giải quyết",
    "kiến nghị",
    "ý kiến",
    "góp ý",
    "dự thảo",
    "ban hành",
    "sửa đổi",
    "bổ sung",
    "quy định",
    "quy chế",
    "kinh tế",
    "tiêu chuẩn",
    "chất lượng",
    "hiệu quả",
    "tiến độ",
    "kết quả",
    "nhiệm vụ",
    "giải pháp",
    "mục tiêu",
    "chỉ tiêu",
    "nguồn vốn",
    "kinh phí",
    "dự toán",
    "quyết toán",
    "mua sắm",
    "đấu thầu",
    "hợp đồng",
    "nghiệm thu",
    "bàn giao",
    "công trình",
    "đường",
    "cầu",
    "trụ sở",
    "nhà ở",
    "khu dân cư",
    "phường",
    "xã",
    "huyện",
    "thị trấn",
    "thôn",
    "bản",
    "hộ gia đình",
    "dân số",
    "trẻ em",
    "phụ nữ",
    "người cao tuổi",
    "thanh niên",
    "đoàn viên",
    "hội viên",
    "tình nguyện",
    "từ thiện",
    "hỗ trợ",
    "cứu trợ",
    "khó khăn",
    "vùng sâu",
    "vùng xa",
    "biên giới",
    "hải đảo",
    "biển",
    "rừng",
    "sông",
    "hồ chứa",
    "thủy lợi",
    "cây trồng",
    "vật nuôi",
    "dịch bệnh",
    "tiêm chủng",
    "vắc xin",
    "an toàn",
    "thực phẩm",
    "thị trường",
    "giá cả",
    "hàng hóa",
    "xuất khẩu",
    "nhập khẩu",
    "cảng",
    "sân bay",
    "đường sắt",
    "xe buýt",
    "ùn tắc",
    "tai nạn",
    "phòng cháy",
    "chữa cháy",
    "cứu hộ",
    "cứu nạn",
    "khẩn cấp",
    "ứng phó",
    "diễn tập",
    "lực lượng",
    "quân sự",
    "công an",
    "biên phòng",
    "tuyển quân",
    "nghĩa vụ",
    "chính sách",
    "người có công",
    "thương binh",
    "liệt sĩ",
    "tri ân",
    "khen thưởng",
    "kỷ luật",
    "thi đua",
    "điển hình",
    "tiên tiến",
    "sáng kiến",
    "cải cách",
    "đổi mới",
    "hiện đại",
    "minh bạch",
    "trách nhiệm",
    "công khai",
    "tiếp công dân",
    "một cửa",
    "liên thông",
    "cổng thông tin",
    "chữ ký số",
    "thư điện tử",
    "tài khoản",
    "mật khẩu",
    "bảo mật",
    "sao lưu",
    "máy chủ",
    "mạng",
    "kết nối",
    "đào tạo",
    "bồi dưỡng",
    "tập huấn",
    "giảng viên",
    "chương trình",
    "tài liệu",
    "giáo trình",
    "thi",
    "tuyển sinh",
    "tốt nghiệp",
    "học bổng",
    "khuyến học",
    "thư viện",
    "sách",
    "báo",
    "phát thanh",
    "truyền hình",
    "sân vận động",
    "nhà văn hóa",
    "công viên",
    "cây xanh",
    "rác thải",
    "nước thải",
    "ô nhiễm",
    "khí hậu",
    "nắng nóng",
    "hạn hán",
    "xâm nhập mặn",
    "sạt lở",
    "động đất"
  };

  static final String[] FAMILY = {
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý"
  };
  static final String[] MIDDLE = {"Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Quang"};
  static final String[] GIVEN = {
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hoa", "Hùng", "Lan", "Linh", "Long", "Mai",
    "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thảo", "Trung", "Tuấn", "Việt", "Xuân", "Yến"
  };
  static final String[] AGENCIES = {
    "Ủy ban nhân dân tỉnh",
    "Sở Tài chính",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Nội vụ",
    "Sở Tài nguyên và Môi trường",
    "Sở Giao thông vận tải",
    "Sở Xây dựng",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Thông tin và Truyền thông",
    "Ban Quản lý dự án",
    "Văn phòng Ủy ban nhân dân tỉnh"
  };

  /** Document types (loại văn bản) and the code in their numbers. */
  static final Map<String, String> DOC_TYPES = new TreeMap<>();

  static {
    DOC_TYPES.put("Quyết định", "QĐ-UBND");
    DOC_TYPES.put("Công văn", "UBND-VP");
    DOC_TYPES.put("Thông báo", "TB-UBND");
    DOC_TYPES.put("Kế hoạch", "KH-UBND");
    DOC_TYPES.put("Báo cáo", "BC-UBND");
    DOC_TYPES.put("Tờ trình", "TTr-UBND");
    DOC_TYPES.put("Chỉ thị", "CT-UBND");
  }

  private static final String[] TYPE_NAMES = DOC_TYPES.keySet().toArray(String[]::new);
  private static final long FIRST_DAY = Instant.parse("2015-01-01T00:00:00Z").getEpochSecond();
  private static final long DAYS = 10 * 365;
  private static final int PEOPLE = 2_000;

  /** Cumulative Zipf weights over {@link #WORDS}. */
  private static final double[] CUMULATIVE = new double[WORDS.length];

  static {
    double sum = 0;
    for (int i = 0; i < WORDS.length; i++) {
      sum += 1.0 / (i + 1);
      CUMULATIVE[i] = sum;
    }
    for (int i = 0; i < WORDS.length; i++) {
      CUMULATIVE[i] /= sum;
    }
  }

  private final long seed;

  public SyntheticArchive(long seed) {
    this.seed = seed;
  }

  /** Record {@code i}: 80% mail, 10% documents, 10% public news. */
  public IndexRecord record(long i) {
    SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
    Instant date = Instant.ofEpochSecond(FIRST_DAY + random.nextLong(DAYS * 86_400));
    int kind = random.nextInt(10);
    // Short texts (a subject line and two or three sentences) keep a million records within
    // minutes of analysis; the index still has realistic term statistics and doc values.
    String title = capitalised(words(random, 4 + random.nextInt(4)));
    String body = paragraph(random, 1 + random.nextInt(2));
    if (kind < 8) {
      List<String> recipients = new ArrayList<>();
      for (int r = 1 + random.nextInt(3); r > 0; r--) {
        recipients.add(person(random.nextInt(PEOPLE)));
      }
      return IndexRecord.builder("gen:mail:" + i, Kind.EMAIL)
          .source("generated")
          .locator("mail/" + i)
          .groups(List.of("staff"))
          .title(title)
          .body(body)
          .date(date, DateSource.HEADER)
          .sender(person(random.nextInt(PEOPLE)))
          .recipients(recipients)
          .folders(List.of(random.nextInt(4) == 0 ? "Sent" : "INBOX"))
          .messageId("<" + i + "@generated.invalid>")
          .build();
    }
    if (kind == 8) {
      String type = TYPE_NAMES[random.nextInt(TYPE_NAMES.length)];
      int year = date.atZone(IndexSchema.ZONE).getYear();
      return IndexRecord.builder("gen:doc:" + i, Kind.DOCUMENT)
          .source("generated")
          .locator("documents/" + i + ".pdf")
          .groups(List.of("staff"))
          .title(type + " về " + title.toLowerCase(java.util.Locale.ROOT))
          .body(body)
          .date(date, DateSource.ISSUE_DATE)
          .documentType(type)
          .documentNumber((1 + random.nextInt(3000)) + "/" + year + "/" + DOC_TYPES.get(type))
          .agency(AGENCIES[random.nextInt(AGENCIES.length)])
          .signer(name(random.nextInt(PEOPLE)))
          .build();
    }
    return IndexRecord.builder("gen:news:" + i, Kind.NEWS)
        .source("generated-news")
        .locator("news/" + i + ".html")
        .isPublic(true)
        .title(title)
        .body(body)
        .date(date, DateSource.PUBLISHED)
        .build();
  }

  /** Records between two commits: a long run stopped early leaves a usable index. */
  static final long COMMIT_EVERY = 100_000;

  /**
   * Writes records {@code 0 … count-1} into a new index at {@code indexDir}, committing every
   * {@link #COMMIT_EVERY} records; returns the count.
   */
  public long write(Path indexDir, long count, int threads) throws IOException {
    Files.createDirectories(indexDir);
    IndexWriterConfig config = new IndexWriterConfig(IndexSchema.analyzer());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    config.setRAMBufferSizeMB(256);
    AtomicLong next = new AtomicLong();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (Directory dir = FSDirectory.open(indexDir);
        IndexWriter writer = new IndexWriter(dir, config)) {
      List<Future<?>> workers = new ArrayList<>();
      AtomicLong written = new AtomicLong();
      for (int t = 0; t < threads; t++) {
        workers.add(
            pool.submit(
                () -> {
                  for (long i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    writer.addDocument(IndexSchema.toDocument(record(i)));
                    if (written.incrementAndGet() % COMMIT_EVERY == 0) {
                      commit(writer, written.get());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> worker : workers) {
        try {
          worker.get();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException("writing generated records failed: " + e.getCause(), e.getCause());
        }
      }
      commit(writer, count);
    } finally {
      pool.shutdownNow();
    }
    return count;
  }

  private synchronized void commit(IndexWriter writer, long records) throws IOException {
    writer.setLiveCommitData(
        Map.of(
                "schema_version",
                IndexSchema.VERSION,
                AnalysisFingerprint.KEY,
                AnalysisFingerprint.current(),
                "committed_at",
                Instant.now().toString(),
                "generated",
                "about " + records + " records, seed " + seed)
            .entrySet());
    writer.commit();
  }

  private static String person(int n) {
    String name = name(n);
    String address =
        vn.tracuu.analysis.DiacriticFolder.fold(name)
                .toLowerCase(java.util.Locale.ROOT)
                .replace(" ", ".")
            + n
            + "@hoason.gov.vn";
    return name + " <" + address + ">";
  }

  private static String name(int n) {
    return FAMILY[n % FAMILY.length]
        + " "
        + MIDDLE[(n / FAMILY.length) % MIDDLE.length]
        + " "
        + GIVEN[(n / (FAMILY.length * MIDDLE.length)) % GIVEN.length];
  }

  private static String paragraph(SplittableRandom random, int sentences) {
    StringBuilder text = new StringBuilder();
    for (int s = 0; s < sentences; s++) {
      if (s > 0) {
        text.append(' ');
      }
      text.append(capitalised(words(random, 6 + random.nextInt(8)))).append('.');
    }
    return text.toString();
  }

  private static String words(SplittableRandom random, int n) {
    StringBuilder text = new StringBuilder();
    for (int w = 0; w < n; w++) {
      if (w > 0) {
        text.append(' ');
      }
      int at = java.util.Arrays.binarySearch(CUMULATIVE, random.nextDouble());
      text.append(WORDS[Math.min(WORDS.length - 1, at < 0 ? -at - 1 : at)]);
    }
    return text.toString();
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
