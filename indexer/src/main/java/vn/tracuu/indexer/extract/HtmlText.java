package vn.tracuu.indexer.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Readable text of HTML (mail bodies, news pages), via jsoup. */
public final class HtmlText {

  private HtmlText() {}

  /** All visible text of {@code html}, with block elements on their own lines. */
  public static String toText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    return blockText(Jsoup.parse(html).body());
  }

  /** Text of {@code element}, one line per block, without scripts and styles. */
  public static String blockText(Element element) {
    if (element == null) {
      return "";
    }
    Element copy = element.clone();
    copy.select("script, style, noscript, template").remove();
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              String s = text.text();
              if (!s.isBlank()) {
                if (!out.isEmpty() && !endsWithSpace(out) && Character.isWhitespace(s.charAt(0))) {
                  out.append(' ');
                }
                out.append(s.strip());
                if (Character.isWhitespace(s.charAt(s.length() - 1))) {
                  out.append(' ');
                }
              }
            } else if (node instanceof Element e && (e.isBlock() || e.nameIs("br"))) {
              newline(out);
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element e && e.isBlock()) {
              newline(out);
            }
          }
        },
        copy);
    return out.toString().replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
  }

  private static boolean endsWithSpace(StringBuilder out) {
    return Character.isWhitespace(out.charAt(out.length() - 1));
  }

  private static void newline(StringBuilder out) {
    if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }
}
