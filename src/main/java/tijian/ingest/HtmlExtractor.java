package tijian.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/**
 * The article of a saved government web page: page chrome (navigation, headers, footers, scripts, share bars,
 * breadcrumbs) is dropped, the container holding the article text is chosen, and the title and the metadata
 * line with 发布日期/成文日期 are kept on top when they sit outside that container.
 */
final class HtmlExtractor {

    private HtmlExtractor() {}

    private static final Pattern META_CHARSET = Pattern.compile(
            "(?i)<meta[^>]+?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9._:\\-]+)");

    static Document extract(byte[] b, Charset declared) {
        Charset meta = null;
        if (Texts.bomCharset(b) == null && declared == null) {
            Matcher m = META_CHARSET.matcher(new String(b, 0, Math.min(b.length, 16384), StandardCharsets.ISO_8859_1));
            if (m.find()) meta = Texts.lookup(m.group(1));
        }
        if (declared != null && Texts.decodeStrict(b, 0, declared) == null) {
            declared = null; // wrong declaration: fall back to meta / detection
            Matcher m = META_CHARSET.matcher(new String(b, 0, Math.min(b.length, 16384), StandardCharsets.ISO_8859_1));
            if (m.find()) meta = Texts.lookup(m.group(1));
        }
        Texts.Decoded d = Texts.decode(b, declared, meta);
        String text = fromHtml(d.text());
        if (Texts.isBlank(text)) throw IngestRefusals.empty();
        return new Document(text, "html", d.charset().name());
    }

    static final Set<String> DROP_TAGS = Set.of("script", "style", "noscript", "template", "iframe", "object", "embed",
            "svg", "canvas", "nav", "footer", "aside", "select", "button", "input", "textarea", "map", "audio", "video",
            "link", "meta", "head");

    /** Parts of id/class names (split on - _ and case changes) that mark page chrome. */
    private static final Pattern CHROME = Pattern.compile(
            "(?i)^(?:nav|navs|navbar|navigation|menu|menus|submenu|mainmenu|topmenu|footer|foot|ft|breadcrumbs?|crumbs?|"
                    + "bread|position|location|curpos|dqwz|weizhi|share|bdshare|sharebox|jiathis|copyright|banquan|"
                    + "sidebar|toolbar|skip|topbar|login|search|sousuo|friendlink|links|yqlj|wza|barrier|accessible|"
                    + "aria|qrcode|erweima|print|close|fontsize|zihao|related|xgxx|xgwz|prevnext|pagenav|header|"
                    + "banner|logo)$");

    /** Known article containers on Chinese government sites (TRS, UCAP, Hanweb ...). */
    private static final String CONTAINERS = "div.TRS_Editor, div.TRS_UEDITOR, .trs_editor_view, #zoom, #Zoom, #zoomcon, "
            + "#UCAP-CONTENT, #ucap-content, .article-content, .article_content, .articleContent, #article-content, "
            + ".news_content, .newsContent, .detail-content, .detail_content, .pages_content, .main-txt, .zw, #zw, "
            + ".view, .article, #content, .content, .TRS_PreAppend, #NewsContent, .bt_content, .wz_content";

    static String fromHtml(String html) {
        org.jsoup.nodes.Document page = Jsoup.parse(html);
        String pageTitle = page.title();
        Element body = page.body();
        if (body == null) return "";
        for (Element e : body.select(String.join(",", DROP_TAGS))) e.remove();
        removeHidden(body);

        Map<Element, Integer> cjk = countText(body);
        int total = cjk.getOrDefault(body, 0);
        // chrome by tag or by id/class, unless it holds most of the page's text (then it is the page wrapper)
        List<Element> chrome = new ArrayList<>();
        for (Element e : body.getAllElements()) {
            if (e == body) continue;
            boolean header = e.normalName().equals("header") && e.closest("article, main") == null;
            if ((header || isChromeName(e)) && cjk.getOrDefault(e, 0) * 2 < Math.max(total, 1)) chrome.add(e);
        }
        for (Element e : chrome) if (e.parent() != null) e.remove();

        cjk = countText(body);
        total = cjk.getOrDefault(body, 0);
        Element content = chooseContent(body, cjk, total);

        StringBuilder out = new StringBuilder();
        Element title = findTitle(body, content, pageTitle);
        if (title != null) out.append(render(title)).append('\n');
        for (Element meta : findDateLines(body, content, title)) out.append(render(meta)).append('\n');
        out.append(render(content));
        return Texts.tidy(out.toString());
    }

    private static void removeHidden(Element body) {
        for (Element e : body.select("[style], [hidden]")) {
            String style = e.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
            if (e.hasAttr("hidden") || style.contains("display:none") || style.contains("visibility:hidden")) e.remove();
        }
    }

    static boolean isChromeName(Element e) {
        for (String name : (e.id() + " " + e.className()).split("\\s+")) {
            if (name.isEmpty()) continue;
            if (CHROME.matcher(name).matches()) return true;
            // split "top-nav", "main_menu", "siteFooter" into parts
            for (String part : name.split("[-_]|(?<=[a-z])(?=[A-Z])")) {
                if (!part.isEmpty() && !part.equalsIgnoreCase("header") && !part.equalsIgnoreCase("logo")
                        && !part.equalsIgnoreCase("print") && !part.equalsIgnoreCase("links")
                        && CHROME.matcher(part).matches()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Non-link CJK characters in each element's subtree. */
    static Map<Element, Integer> countText(Element root) {
        Map<Element, Integer> m = new IdentityHashMap<>();
        count(root, m, false);
        return m;
    }

    private static int count(Element e, Map<Element, Integer> m, boolean inLink) {
        boolean link = inLink || e.normalName().equals("a");
        int n = 0;
        for (Node c : e.childNodes()) {
            if (c instanceof TextNode t) {
                if (!link) n += Texts.countCjk(t.getWholeText());
            } else if (c instanceof Element ce) {
                n += count(ce, m, link);
            }
        }
        m.put(e, n);
        return n;
    }

    /**
     * The article container: a known container holding at least half of the page's text (the most specific one),
     * otherwise descend from body into the child holding at least 85% of the current element's text.
     */
    static Element chooseContent(Element body, Map<Element, Integer> cjk, int total) {
        Element best = null;
        for (Element e : body.select(CONTAINERS)) {
            int n = cjk.getOrDefault(e, 0);
            if (n * 2 < total || n == 0) continue;
            if (best == null || n < cjk.get(best) || (n == cjk.get(best) && depth(e) > depth(best))) best = e;
        }
        if (best != null) return best;
        Element cur = body;
        int steps = 0;
        while (steps++ < 200) {
            Interrupts.check();
            int here = cjk.getOrDefault(cur, 0);
            Element next = null;
            for (Element c : cur.children()) {
                if (cjk.getOrDefault(c, 0) >= here * 0.85 && here > 0) {
                    next = c;
                    break;
                }
            }
            if (next == null || isInline(next)) break;
            cur = next;
        }
        return cur;
    }

    private static int depth(Element e) {
        int d = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) d++;
        return d;
    }

    private static boolean isInline(Element e) {
        return Set.of("p", "span", "font", "strong", "b", "em", "i", "a", "h1", "h2", "h3", "h4", "h5", "h6", "li")
                .contains(e.normalName());
    }

    /** A title above the article (h1, or an element named *title*) when it is outside the content. */
    static Element findTitle(Element body, Element content, String pageTitle) {
        List<Element> candidates = new ArrayList<>();
        // the <title> of a government page is usually "article title_site name": find the element that shows it
        String t0 = pageTitle == null ? "" : pageTitle.split("[_|－—]|\\s-\\s")[0].strip();
        if (Texts.countCjk(t0) >= 6) {
            for (Element e : body.getAllElements()) {
                if (e.text().strip().equals(t0) && e.children().stream().noneMatch(c -> c.text().strip().equals(t0))) {
                    candidates.add(e);
                    break;
                }
            }
        }
        candidates.addAll(body.select("h1"));
        candidates.addAll(body.select(".title, .article-title, .article_title, .news_title, .tit, .bt, #title, "
                + ".detail-title, .detail_title, .content-title, h2"));
        for (Element e : candidates) {
            String t = e.text().strip();
            if (Texts.countCjk(t) < 4 || t.length() > 120) continue;
            if (isInside(e, content)) return null; // the content has its own title
            if (follows(content, e)) continue;       // a title after the article is not its title
            return e;
        }
        return null;
    }

    private static final Pattern DATE_LABEL = Pattern.compile("发布日期|成文日期|发布时间|发文日期|印发日期|生成日期");
    private static final Pattern DATE = Pattern.compile("\\d{4}\\s*[-年./]\\s*\\d{1,2}\\s*[-月./]\\s*\\d{1,2}");

    private static boolean isDateLine(String text) {
        if (text.length() > 600 || !DATE.matcher(text).find()) return false;
        return DATE_LABEL.matcher(text).find() || text.strip().startsWith("日期");
    }

    /**
     * The metadata line(s) with 发布日期/成文日期 and a date outside the content: the deepest element holding both
     * (e.g. the metadata row or span), at most three, in page order, duplicates dropped.
     */
    static List<Element> findDateLines(Element body, Element content, Element title) {
        List<Element> out = new ArrayList<>();
        Set<String> texts = new java.util.HashSet<>();
        for (Element e : body.getAllElements()) {
            if (out.size() >= 3) break;
            if (e == body || isInside(e, content) || isInside(content, e) || (title != null && isInside(e, title))) continue;
            if (!isDateLine(e.text())) continue;
            boolean deeper = false;
            for (Element c : e.children()) {
                if (isDateLine(c.text())) {
                    deeper = true;
                    break;
                }
            }
            if (deeper) continue;
            boolean nested = false;
            for (Element o : out) if (isInside(e, o) || isInside(o, e)) nested = true;
            if (!nested && texts.add(e.text().strip())) out.add(e);
        }
        return out;
    }

    static boolean isInside(Element e, Element container) {
        for (Element p = e; p != null; p = p.parent()) if (p == container) return true;
        return false;
    }

    private static boolean follows(Element content, Element e) {
        // document order: compare positions in a full traversal
        Elements all = content.ownerDocument() == null ? new Elements() : content.ownerDocument().getAllElements();
        return all.indexOf(e) > all.indexOf(content);
    }

    // ---------------------------------------------------------------- rendering

    static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr",
            "table", "tbody", "thead", "tfoot", "section", "article", "main", "blockquote", "pre", "dl", "dt", "dd",
            "center", "form", "hr", "address", "figure", "figcaption", "caption", "fieldset", "header", "body", "html");

    /** Block elements become line breaks; table rows become one line with cells separated by a tab. */
    static String render(Element root) {
        StringBuilder sb = new StringBuilder();
        int[] visited = {0};
        if (root.normalName().equals("td") || root.normalName().equals("th")) {
            for (Node c : root.childNodes()) render(c, sb, visited); // the chosen content cell keeps its lines
        } else {
            render(root, sb, visited);
        }
        return sb.toString();
    }

    /** A layout cell (page column) rather than a data cell: long text. Its lines are kept. */
    private static boolean isLayoutCell(Element td) {
        return td.text().length() > 300;
    }

    private static void render(Node node, StringBuilder sb, int[] visited) {
        if ((++visited[0] & 1023) == 0) Interrupts.check();
        if (node instanceof TextNode t) {
            String s = t.getWholeText();
            boolean pre = t.parent() != null && ((Element) t.parent()).closest("pre") != null;
            if (!pre) s = s.replaceAll("[\\s\\u00A0]+", " ");
            if (s.isEmpty()) return;
            if (s.startsWith(" ") && (sb.length() == 0 || sb.charAt(sb.length() - 1) == '\n' || sb.charAt(sb.length() - 1) == '\t')) {
                s = s.substring(1);
            }
            sb.append(s);
            return;
        }
        if (!(node instanceof Element e)) return;
        String tag = e.normalName();
        if (tag.equals("br")) {
            sb.append('\n');
            return;
        }
        if ((tag.equals("td") || tag.equals("th")) && isLayoutCell(e)) {
            newline(sb);
            for (Node c : e.childNodes()) render(c, sb, visited);
            newline(sb);
            return;
        }
        if (tag.equals("td") || tag.equals("th")) {
            if (e.elementSiblingIndex() > 0 && sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\t');
            StringBuilder cell = new StringBuilder();
            for (Node c : e.childNodes()) render(c, cell, visited);
            // a cell stays on its row's line
            sb.append(cell.toString().replaceAll("\\s*\\n+\\s*", " ").strip());
            return;
        }
        boolean block = BLOCKS.contains(tag);
        if (block) newline(sb);
        for (Node c : e.childNodes()) render(c, sb, visited);
        if (block) newline(sb);
    }

    private static void newline(StringBuilder sb) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    }
}
