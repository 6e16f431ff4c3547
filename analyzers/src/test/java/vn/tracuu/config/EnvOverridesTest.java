package vn.tracuu.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvOverridesTest {

  private static Map<String, Object> tree() {
    Map<String, Object> tree = new LinkedHashMap<>();
    tree.put("server", new LinkedHashMap<>(Map.of("port", 7070)));
    tree.put("index", new LinkedHashMap<>(Map.of("limits", Map.of("max_chars", 5))));
    tree.put(
        "sources",
        List.of(
            Map.of("name", "van-ban", "path", "a", "groups", List.of("staff")),
            Map.of("name", "van", "path", "b")));
    return tree;
  }

  @Test
  @SuppressWarnings("unchecked")
  void setsExistingAndNewKeysInsideSectionsAndLeavesOtherVariablesAlone() {
    Map<String, Object> tree = tree();
    List<String> applied =
        EnvOverrides.apply(
            tree,
            Map.of(
                "TRACUU_SERVER_PORT", "8080",
                "TRACUU_SERVER_HOST", "0.0.0.0",
                "TRACUU_INDEX_LIMITS_MAX_CHARS", "10",
                "TRACUU_SOURCES_VAN_BAN_GROUPS", "staff, van-phong",
                "TRACUU_SOURCES_VAN_PATH", "/srv/b",
                "TRACUU_DATA", "/data",
                "TRACUU_SOURCES_UNKNOWN_PATH", "/x",
                "HOME", "/root"));
    Map<String, Object> server = (Map<String, Object>) tree.get("server");
    assertEquals("8080", server.get("port"));
    assertEquals("0.0.0.0", server.get("host"));
    assertEquals(
        "10",
        ((Map<String, Object>) ((Map<String, Object>) tree.get("index")).get("limits"))
            .get("max_chars"));
    List<Map<String, Object>> sources = (List<Map<String, Object>>) tree.get("sources");
    assertEquals(List.of("staff", "van-phong"), sources.get(0).get("groups"));
    assertEquals("a", sources.get(0).get("path"));
    assertEquals("/srv/b", sources.get(1).get("path"));
    assertEquals(5, applied.size(), applied.toString());
    assertEquals(null, tree.get("data"));
  }
}
