package io.jenkins.plugins.aem.testsupport.docs;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The parts of a Markdown page the documentation checks read: its prose, links, headings and code blocks. */
final class Markdown {

    private static final Pattern FENCE = Pattern.compile("(?m)^\\s*```.*$");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`\\n]*`");
    private static final Pattern LINK = Pattern.compile("\\[[^\\]\\n]*]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.+?)\\s*#*\\s*$");

    /** A fenced code block and the heading it sits under. */
    record CodeBlock(String heading, String text) {
    }

    private final String text;

    Markdown(String text) {
        this.text = text;
    }

    /** The text outside fenced code blocks: where links and headings are. */
    String prose() {
        StringBuilder out = new StringBuilder();
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                inCode = !inCode;
                out.append('\n');
                continue;
            }
            out.append(inCode ? "" : line).append('\n');
        }
        return out.toString();
    }

    /** Every link target, inline and automatic, outside code. */
    List<String> links() {
        String prose = INLINE_CODE.matcher(prose()).replaceAll("");
        List<String> links = new ArrayList<>();
        for (Pattern p : List.of(LINK, AUTOLINK)) {
            Matcher m = p.matcher(prose);
            while (m.find()) {
                links.add(m.group(1));
            }
        }
        return links;
    }

    /** The anchors GitHub gives the headings, in order: lower case, punctuation dropped, spaces as hyphens. */
    Set<String> anchors() {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String line : prose().split("\n")) {
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                String base = anchor(m.group(2));
                int n = seen.merge(base, 1, Integer::sum) - 1;
                anchors.add(n == 0 ? base : base + "-" + n);
            }
        }
        return anchors;
    }

    /** Every fenced code block with the text of the nearest heading above it. */
    List<CodeBlock> codeBlocks() {
        List<CodeBlock> blocks = new ArrayList<>();
        String heading = "";
        StringBuilder code = null;
        for (String line : text.split("\n", -1)) {
            if (FENCE.matcher(line).matches()) {
                if (code == null) {
                    code = new StringBuilder();
                } else {
                    blocks.add(new CodeBlock(heading, code.toString()));
                    code = null;
                }
                continue;
            }
            if (code != null) {
                code.append(line).append('\n');
                continue;
            }
            Matcher m = HEADING.matcher(line);
            if (m.matches()) {
                heading = m.group(2);
            }
        }
        return blocks;
    }

    static String anchor(String heading) {
        String plain = Normalizer.normalize(heading, Normalizer.Form.NFC).toLowerCase(Locale.ROOT)
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1");
        return plain.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }
}
