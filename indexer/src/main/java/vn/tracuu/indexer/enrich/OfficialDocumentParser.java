package vn.tracuu.indexer.enrich;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.tracuu.analysis.DiacriticFolder;
import vn.tracuu.dates.VietnameseDates;

/**
 * Reads the header of a Vietnamese official document (văn bản hành chính, layout of Decree
 * 30/2020/NĐ-CP): number, type, issuing body, issue date, subject line and signer. Works on the
 * plain text of any format; PDF text may wrap lines anywhere, so patterns allow any white space.
 *
 * <p>The header is found by its anchor, the national motto (quốc hiệu) "CỘNG HÒA XÃ HỘI CHỦ NGHĨA
 * VIỆT NAM", wherever it is: saved web pages and bulletins put a summary before the document. The
 * issuing body is the upper-case block just before (or, when two columns are interleaved, on the
 * same lines as) the motto; number, date, type heading and subject follow it. Without a motto the
 * first lines of the text are read the same way.
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
          new String[] {"THONG TU LIEN TICH", "Thông tư liên tịch"},
          new String[] {"NGHI DINH", "Nghị định"},
          new String[] {"GIAY MOI", "Giấy mời"},
          new String[] {"QUY CHE", "Quy chế"},
          new String[] {"QUY DINH", "Quy định"},
          new String[] {"HUONG DAN", "Hướng dẫn"},
          new String[] {"CHUONG TRINH", "Chương trình"},
          new String[] {"DE AN", "Đề án"},
          new String[] {"BIEN BAN", "Biên bản"},
          new String[] {"PHUONG AN", "Phương án"},
          new String[] {"KET LUAN", "Kết luận"},
          new String[] {"LENH", "Lệnh"},
          new String[] {"LUAT", "Luật"});

  /**
   * "Số: 1952/QĐ-UBND", "Số 30/2020/NĐ-CP", "Số: 1952 / QĐ - UBND". A capital S: "số" in running
   * text cites other documents.
   */
  private static final Pattern NUMBER =
      Pattern.compile(
          "(?u)(?<!\\p{L})(?:S[ốỐôÔoO6]|SỐ)\\s*(?:ký\\s+hiệu)?\\s*[:;.]?\\s*(\\d+(?:\\s*[/-]\\s*[\\p{L}\\d.]+)+)");

  /** The place-date line: "Hòa Sơn, ngày 8 tháng 8 năm 2019". */
  private static final Pattern PLACE_DATE =
      Pattern.compile(
          "(?iu)[\\p{L} .]{2,40},\\s*ngày\\s*\\d{1,2}\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}");

  /** The date part alone, for headers where the place is on another line or lost. */
  private static final Pattern DATE_ONLY =
      Pattern.compile("(?iu)ngày\\s*\\d{1,2}\\s*tháng\\s*\\d{1,2}\\s*năm\\s*\\d{4}");

  private static final Pattern MOTTO =
      Pattern.compile(
          "(?iu)C[ỘO]NG\\s+H[ÒO]A\\s+X[ÃA]\\s+H[ỘO]I\\s+CH[ỦU]\\s+NGH[ĨI]A\\s+VI[ỆE]T\\s+NAM");

  private static final Pattern NATIONAL_MOTTO =
      Pattern.compile(
          "(?iu)C[ỘO]NG\\s+H[ÒO]A\\s+X[ÃA]\\s+H[ỘO]I(?:\\s+CH[ỦU]\\s+NGH[ĨI]A\\s+VI[ỆE]T\\s+NAM)?"
              + "|CH[ỦU]\\s+NGH[ĨI]A\\s+VI[ỆE]T\\s+NAM"
              + "|Độc\\s+lập\\s*[-–]\\s*Tự\\s+do\\s*[-–]\\s*Hạnh\\s+phúc|[-—–_]{3,}");

  /** Lines that open the body: the header is over. */
  private static final Pattern BODY_START =
      Pattern.compile("(?iu)^(Căn\\s+cứ|Kính\\s+gửi|Điều\\s+1\\b|Thực\\s+hiện|Theo\\s+đề\\s+nghị)");

  /** A signature block's authority line: "KT. CHỦ TỊCH", "PHÓ GIÁM ĐỐC", "THỦ TƯỚNG". */
  private static final Pattern SIGNER_TITLE =
      Pattern.compile(
          "(?u)^(?:(?:KT|TM|TL|TUQ|Q|K/T|T/M)\\.?\\s|.*(?:TRƯỞNG|TỊCH|GIÁM\\s+ĐỐC|NHIỆM|TƯỚNG|BÍ\\s+THƯ|VĂN\\s+PHÒNG))");

  /** A personal name: 2–5 capitalised syllables. */
  private static final Pattern NAME =
      Pattern.compile("^\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,4}$");

  /**
   * A citation of the whole document, as archives and legal portals caption a file whose header was
   * not kept: "Công văn 5526/CT-CS ngày 25/11/2025 khẩn trương … do Cục Thuế ban hành".
   */
  private static final Pattern CAPTION =
      Pattern.compile(
          "(?u)(Quyết định|Công văn|Nghị quyết|Thông báo|Công điện|Thông tư"
              + "|Nghị định|Chỉ thị|Kế hoạch|Báo cáo|Tờ trình|Kết luận) (?:số )?"
              + "(\\d+(?:/[\\p{L}\\d.-]+)+) ngày (\\d{1,2}/\\d{1,2}/\\d{4}) (.{5,400}?) do (\\p{Lu}[^.;]{2,80}?)"
              + " ban hành");

  /** Parses {@code text}; returns what it found (possibly nothing). */
  public OfficialMetadata parse(String text) {
    List<String> all = text.lines().map(String::strip).toList();
    int motto = mottoLine(all);
    int from = motto < 0 ? 0 : Math.max(0, motto - 8);
    List<String> lines = all.subList(from, Math.min(all.size(), from + 80));
    int mottoAt = motto < 0 ? -1 : motto - from;
    int bodyAt = bodyStart(lines, Math.max(0, mottoAt));
    List<String> header = lines.subList(0, bodyAt);
    String headerText = String.join("\n", header);

    String number = findNumber(headerText);
    LocalDate issueDate = findIssueDate(headerText);
    int typeLine = findTypeLine(header, Math.max(0, mottoAt));
    int vvLine = findSubjectLine(header);
    String type = null;
    String summary = null;
    if (vvLine >= 0 && (typeLine < 0 || vvLine < typeLine)) {
      type = "Công văn"; // a dispatch has no type heading, only "V/v …" (về việc) under its number
      summary = subjectAt(header, vvLine);
    } else if (typeLine >= 0) {
      String heading = header.get(typeLine);
      type = typeName(heading);
      int after = typeLine;
      if (type == null) {
        type = typeName(heading + " " + header.get(typeLine + 1));
        after = typeLine + 1;
      }
      summary = summaryAfter(lines, after);
    }
    List<String> tail = all.subList(from + (mottoAt < 0 ? 0 : mottoAt), all.size());
    String agency = findAgency(lines, mottoAt);
    String signer = findSigner(tail);
    if (number == null) {
      Matcher caption = CAPTION.matcher(text.replaceAll("\\s+", " "));
      if (caption.find()) {
        return new OfficialMetadata(
            caption.group(2),
            caption.group(1),
            agency == null ? caption.group(5) : agency,
            issueDate == null
                ? VietnameseDates.findFirst(caption.group(3)).orElse(null)
                : issueDate,
            summary == null ? caption.group(4) : summary,
            signer);
      }
    }
    return new OfficialMetadata(number, type, agency, issueDate, summary, signer);
  }

  private static int mottoLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      // the motto may wrap: look at this line and the next together
      String joined = i + 1 < lines.size() ? lines.get(i) + " " + lines.get(i + 1) : lines.get(i);
      Matcher m = MOTTO.matcher(joined);
      if (m.find() && m.start() < lines.get(i).length()) {
        return i;
      }
    }
    return -1;
  }

  private static int bodyStart(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      if (BODY_START.matcher(lines.get(i)).find()) {
        return i;
      }
    }
    return Math.min(lines.size(), from + 40);
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

  private static LocalDate findIssueDate(String header) {
    String flat = header.replaceAll("\\s+", " ");
    Matcher m = PLACE_DATE.matcher(flat);
    if (m.find()) {
      return VietnameseDates.findFirst(m.group()).orElse(null);
    }
    Matcher d = DATE_ONLY.matcher(flat);
    if (d.find()) {
      return VietnameseDates.findFirst(d.group()).orElse(null);
    }
    return null;
  }

  private static int findTypeLine(List<String> lines, int from) {
    for (int i = from; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty() || !line.equals(line.toUpperCase(Locale.ROOT))) {
        continue;
      }
      if (typeName(line) != null) {
        return i;
      }
      // a heading wrapped by the layout: "QUYẾT" / "ĐỊNH"
      if (i + 1 < lines.size()
          && isUpperCase(lines.get(i + 1))
          && typeName(line + " " + lines.get(i + 1)) != null) {
        return i;
      }
    }
    return -1;
  }

  private static int findSubjectLine(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).matches("(?iu)^V/v\\b.*")) {
        return i;
      }
    }
    return -1;
  }

  /** "V/v" and its continuation lines up to the place-date line or a blank line. */
  private static String subjectAt(List<String> lines, int at) {
    StringBuilder subject =
        new StringBuilder(lines.get(at).replaceFirst("(?iu)^V/v\\s*:?\\s*", "").strip());
    for (int i = at + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isEmpty()
          || PLACE_DATE.matcher(line).find()
          || DATE_ONLY.matcher(line).find()
          || line.matches("(?iu)^ngày\\s+\\d.*")
          || BODY_START.matcher(line).find()
          || isRule(line)) {
        break;
      }
      subject.append(subject.isEmpty() ? "" : " ").append(line);
    }
    return subject.isEmpty() ? null : subject.toString();
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
          || BODY_START.matcher(line).find()
          || line.matches("^\\d+\\.\\s.*")
          || SIGNER_TITLE.matcher(line).find() && !summary.isEmpty()) {
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

  /**
   * The upper-case lines of the issuing-body column: just above the motto, or on the motto's lines
   * when PDF text interleaves the two columns; without a motto, the upper-case lines at the top.
   * Stops at the number, the date or a type heading.
   */
  private static String findAgency(List<String> lines, int mottoAt) {
    int start = 0;
    if (mottoAt >= 0) {
      start = mottoAt;
      // walk up over the upper-case block (with its blank lines and rule) that ends at the motto
      for (int i = mottoAt - 1; i >= Math.max(0, mottoAt - 8); i--) {
        String above = lines.get(i);
        // the number may sit between the agency and the motto when the columns are read apart
        if (above.isEmpty() || isRule(above) || above.matches("(?iu)^S[ốô]\\s*(ký hiệu)?\\s*:.*")) {
          continue;
        }
        if (!isUpperCase(above) || BODY_START.matcher(above).find()) {
          break;
        }
        start = i;
      }
    }
    StringBuilder agency = new StringBuilder();
    for (int i = start; i < lines.size(); i++) {
      String raw = lines.get(i);
      if (NUMBER.matcher(raw).lookingAt()
          || raw.matches("(?iu)^S[ốô]\\s*(ký hiệu)?\\s*:.*")
          || PLACE_DATE.matcher(raw).find()
          || typeName(raw) != null
          || BODY_START.matcher(raw).find()
          || raw.matches("(?iu)^V/v\\b.*")) {
        break;
      }
      // interleaved columns: "TỈNH HÒA SƠN Độc lập - Tự do - Hạnh phúc"
      String line = NATIONAL_MOTTO.matcher(raw).replaceAll(" ").strip();
      if (line.isEmpty() || !isUpperCase(line)) {
        continue;
      }
      agency.append(agency.isEmpty() ? "" : " ").append(line);
    }
    String cleaned = NATIONAL_MOTTO.matcher(agency).replaceAll(" ").replaceAll("\\s+", " ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  /**
   * The name under the signature block: after an authority line, the first name-like line (a name
   * wrapped onto two lines is joined). The first such block after the header wins: pages saved from
   * the web end with navigation text that may look like titles.
   */
  private static String findSigner(List<String> lines) {
    for (int i = 0; i < lines.size(); i++) {
      String title = lines.get(i);
      if (title.isEmpty()
          || title.length() > 80
          || !isUpperCase(title)
          || !SIGNER_TITLE.matcher(title).find()) {
        continue;
      }
      for (int j = i + 1; j < Math.min(lines.size(), i + 7); j++) {
        String line = lines.get(j).replaceAll("(?iu)^\\(?đã\\s+ký\\)?", "").strip();
        if (line.isEmpty() || isUpperCase(line) && SIGNER_TITLE.matcher(line).find()) {
          continue;
        }
        if (NAME.matcher(line).matches()) {
          String next = j + 1 < lines.size() ? lines.get(j + 1) : "";
          String joined = line + " " + next;
          if (!next.isEmpty()
              && next.matches("^\\p{Lu}\\p{Ll}+$")
              && line.split("\\s+").length == 2
              && NAME.matcher(joined).matches()) {
            return joined;
          }
          return line;
        }
        if (!line.isEmpty() && !line.matches("(?iu)^\\(.*\\)$")) {
          break; // not a signature block
        }
      }
    }
    return null;
  }
}
