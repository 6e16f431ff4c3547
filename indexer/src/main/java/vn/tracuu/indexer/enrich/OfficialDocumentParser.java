package vn.tracuu.indexer.enrich;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.dates.VietnameseDates;

/**
 * Reads the header of a Vietnamese official document (văn bản hành chính, layout of Decree
 * 30/2020/NĐ-CP): number, type, issuing body, issue date, subject line and signer. Works on the
 * plain text of any format; PDF text may wrap lines anywhere, so patterns allow any white space.
 */
public final class OfficialDocumentParser {

  /** What was found; absent parts are null. */
  public record OfficialMetadata(
      String number, // số ký hiệu
      String type, // loại văn bản
      String agency, // cơ quan ban hành
      LocalDate issueDate, // ngày ban hành
      String summary, // trích yếu
      String signer) { // người ký

    public boolean isEmpty() {
      return number == null && type == null && issueDate == null;
    }
  }

  /** Type headings as printed (folded, upper case) and their display names. */
  private static final List<String[]> TYPES =
      List.of(
          new String[] {"QUYET DINH", "Quyết định"},
          new String[] {"NGHI QUYET", "Nghị quyết"},
          new String[] {"CHI THI", "Chỉ thị"},
          new String[] {"KE HOACH", "Kế hoạch"},
          new String[] {"BAO CAO", "Báo cáo"},
          new String[] {"THONG BAO", "Thông báo"},
          new String[] {"TO TRINH", "Tờ trình"},
          new String[] {"CONG DIEN", "Công điện"},
          new String[] {"THONG TU", "Thông tư"},
          new String[] {"NGHI DINH", "Nghị định"},
          new String[] {"GIAY MOI", "Giấy mời"},
          new String[] {"QUY CHE", "Quy chế"},
          new String[] {"QUY DINH", "Quy định"},
          new String[] {"HUONG DAN", "Hướng dẫn"},
          new String[] {"CHUONG TRINH", "Chương trình"},
          new String[] {"DE AN", "Đề án"},
          new String[] {"BIEN BAN", "Biên bản"},
          new String[] {"PHUONG AN", "Phương án"},
          new String[] {"LUAT", "Luật"});

  /** "Số: 1952/QĐ-UBND", "Số 30/2020/NĐ-CP", "Số: 1952 / QĐ - UBND". */
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?iu)(?<!\\p{L})S[ốô]\\s*(?:ký\\s+hiệu)?\\s*:?\\s*(\\d+(?:\\s*[/-]\\s*[\\p{L}\\d.]+)+)");

  /** The place-date line: "Hòa Sơn, ngày 8 tháng 8 năm 2019". */
  private static final Pattern PLACE_DATE =
      Pattern.compile(
          "(?iu)[\\p{L} .]{2,40},\\s*ngày\\s+\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4}");

  private static final Pattern NATIONAL_MOTTO =
      Pattern.compile(
          "(?iu)CỘNG\\s+HÒA\\s+XÃ\\s+HỘI\\s+CHỦ\\s+NGHĨA\\s+VIỆT\\s+NAM|Độc\\s+lập\\s*-\\s*Tự\\s+do\\s*-\\s*Hạnh\\s+phúc|[-—–_]{3,}");

  private static final Pattern SIGNER_TITLE =
      Pattern.compile(
          "(?iu)^(KT\\.|TM\\.|TL\\.|TUQ\\.|Q\\.|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TRƯỞNG|TỔNG GIÁM ĐỐC)");

  /** A personal name: 2–5 capitalised syllables. */
  private static final Pattern NAME =
      Pattern.compile("^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4}$");

  /** Parses {@code text}; returns what it found (possibly nothing). */
  public OfficialMetadata parse(String text) {
    String head = text.length() > 4000 ? text.substring(0, 4000) : text;
    List<String> lines = head.lines().map(String::strip).toList();

    String number = findNumber(head);
    LocalDate issueDate = findIssueDate(head);
    int typeLine = findTypeLine(lines);
    String type = typeLine >= 0 ? typeName(lines.get(typeLine)) : null;
    String summary = typeLine >= 0 ? summaryAfter(lines, typeLine) : null;
    if (type == null) {
      Optional<String> vv = lines.stream().filter(l -> l.matches("(?i)^V/v\\b.*")).findFirst();
      if (vv.isPresent() && number != null) {
        type = "Công văn";
        summary = vv.get().replaceFirst("(?i)^V/v\\s*", "").strip();
      }
    }
    return new OfficialMetadata(
        number, type, findAgency(lines), issueDate, summary, findSigner(text));
  }

  static String findNumber(String text) {
    Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String candidate = m.group(1).replaceAll("\\s+", "");
      if (candidate.contains("/") && candidate.matches(".*\\p{L}.*")) {
        return candidate;
      }
    }
    return null;
  }

  private static LocalDate findIssueDate(String head) {
    Matcher m = PLACE_DATE.matcher(head.replaceAll("\\s+", " "));
    if (m.find()) {
      return VietnameseDates.findFirst(m.group()).orElse(null);
    }
    return null;
  }

  private static int findTypeLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || !line.equals(line.toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (typeName(line) != null) {
        return i;
      }
    }
    return -1;
  }

  private static String typeName(String line) {
    String folded =
        DiacriticFolder.fold(line).toUpperCase(Locale.ROOT).replaceAll("[^A-Z ]", "").strip();
    for (String[] type : TYPES) {
      if (folded.equals(type[0])) {
        return type[1];
      }
    }
    return null;
  }

  private static String summaryAfter(List<String> lines, int typeLine) {
    StringBuilder summary = new StringBuilder();
    for (int i = typeLine + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()) {
        if (summary.isEmpty()) {
          continue;
        }
        break;
      }
      if (isRule(line)
          || line.startsWith("Căn cứ")
          || line.startsWith("Kính gửi")
          || line.matches("^\\d+\\.\\s.*")
          || (!summary.isEmpty() && isUpperCase(line))) {
        break;
      }
      if (!summary.isEmpty()) {
        summary.append(' ');
      }
      summary.append(line);
    }
    return summary.isEmpty() ? null : summary.toString();
  }

  /** A separator drawn under headings: dashes, em dashes or underscores. */
  private static boolean isRule(String line) {
    return line.matches("^[-—–_\\s]{3,}$");
  }

  private static boolean isUpperCase(String line) {
    return line.matches(".*\\p{L}.*") && line.equals(line.toUpperCase(Locale.ROOT));
  }

  /** The agency lines above the number, without the national motto that shares the header. */
  private static String findAgency(List<String> lines) {
    StringBuilder agency = new StringBuilder();
    for (String raw : lines) {
      if (raw.matches("(?i)^S[ốô]\\s*(ký hiệu)?\\s*:?.*\\d.*")
          || PLACE_DATE.matcher(raw).find()
          || typeName(raw) != null) {
        break;
      }
      String line = NATIONAL_MOTTO.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty()
          || !line.equals(line.toUpperCase(Locale.ROOT))
          || !line.matches(".*\\p{L}.*")) {
        continue;
      }
      if (!agency.isEmpty()) {
        agency.append(' ');
      }
      agency.append(line);
    }
    return agency.isEmpty() ? null : agency.toString();
  }

  /** The name under the signature block: the last name-like line after a signer title. */
  private static String findSigner(String text) {
    List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    int titleAt = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (SIGNER_TITLE.matcher(lines.get(i)).find()) {
        titleAt = i;
      }
    }
    if (titleAt < 0) {
      return null;
    }
    for (int i = titleAt + 1; i < Math.min(lines.size(), titleAt + 6); i++) {
      String line = lines.get(i).replaceAll("^\\(?đã ký\\)?", "").strip();
      if (NAME.matcher(line).matches()) {
        return line;
      }
    }
    return null;
  }
}
