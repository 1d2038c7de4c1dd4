package io.jenkins.plugins.aem.testsupport.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages a user can be shown, read from Java source: the text given to each call that words a failure or a
 * warning ({@code AemException.of}, {@code invalidInput}, {@code new AbortException}, a warning event, ...). A message
 * is built from literals and values; what a reader can look up is its longest literal, such as
 * {@code is not a run option. Use one of} of {@code "'" + text + "' is not a run option. Use one of: " + names()}.
 */
final class UserMessages {

    /** Shorter literals ({@code " with "}, {@code "'"}) join values; they are not what a reader looks up. */
    private static final int SIGNIFICANT = 10;

    /** A call that words a user-facing message, and which of its arguments (from 0) is the message. */
    private record Trigger(Pattern call, int argument) {
    }

    private static final List<Trigger> TRIGGERS = List.of(
            new Trigger(Pattern.compile("AemException\\.of\\("), 1),
            new Trigger(Pattern.compile("\\binvalidInput\\("), 1),
            new Trigger(Pattern.compile("\\btls\\(call,"), 1),
            new Trigger(Pattern.compile("\\brefusal\\("), 1),
            new Trigger(Pattern.compile("new AbortException\\("), 0),
            new Trigger(Pattern.compile("\\bevent\\(ProgressEvent\\.Kind\\.WARNING,"), 1),
            new Trigger(Pattern.compile("new ProgressEvent\\(ProgressEvent\\.Kind\\.WARNING,"), 2),
            new Trigger(Pattern.compile("new Decision\\(Verdict\\.(FAILED|WAIT),"), 1));

    /** Where a message is worded, and the part of it a reader looks up. */
    record Message(String where, String lookup) {
    }

    private UserMessages() {
    }

    /** The messages worded in one Java source file; {@code where} names the file in what a test reports. */
    static List<Message> in(String where, String source) {
        String code = withoutComments(source);
        List<Message> messages = new ArrayList<>();
        for (Trigger trigger : TRIGGERS) {
            Matcher m = trigger.call().matcher(code);
            while (m.find()) {
                int open = code.indexOf('(', m.start());
                String argument = argument(code, open, trigger.argument());
                lookup(argument).ifPresent(text -> messages.add(new Message(where, text)));
            }
        }
        return messages;
    }

    /**
     * The part of a properties message a reader looks up: its longest stretch between {@code {0}}-style values, with
     * MessageFormat's doubled quotes made single.
     */
    static String lookupOfProperty(String value) {
        String longest = "";
        for (String part : value.replace("''", "'").split("\\{\\d+}")) {
            String cleaned = clean(part);
            if (cleaned.length() > longest.length()) {
                longest = cleaned;
            }
        }
        return longest;
    }

    /** The n-th argument (from 0) of the call whose parenthesis opens at {@code open}, as source text. */
    private static String argument(String code, int open, int n) {
        int depth = 0;
        int index = 0;
        StringBuilder current = new StringBuilder();
        for (int i = open + 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = endOfLiteral(code, i);
                current.append(code, i, end + 1);
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    return index == n ? current.toString() : "";
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                if (index == n) {
                    return current.toString();
                }
                index++;
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return "";
    }

    private static Optional<String> lookup(String argument) {
        Matcher literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(argument);
        String longest = "";
        while (literal.find()) {
            String text = clean(literal.group(1).replace("\\\\", "\\").replace("\\\"", "\""));
            if (text.length() > longest.length()) {
                longest = text;
            }
        }
        return longest.length() >= SIGNIFICANT ? Optional.of(longest) : Optional.empty();
    }

    /** Without the quotes, brackets and punctuation that join a literal to the values around it. */
    private static String clean(String text) {
        return text.replaceAll("^[\\s'\"(),.:;\\-]+|[\\s'\"(),.:;\\-]+$", "");
    }

    private static int endOfLiteral(String code, int start) {
        for (int i = start + 1; i < code.length(); i++) {
            if (code.charAt(i) == '\\') {
                i++;
            } else if (code.charAt(i) == '"') {
                return i;
            }
        }
        return code.length() - 1;
    }

    /** The source with comments blanked, so that an example in Javadoc is not taken for a message. */
    private static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"') {
                int end = endOfLiteral(source, i);
                out.append(source, i, end + 1);
                i = end;
            } else if (source.startsWith("//", i)) {
                while (i < source.length() && source.charAt(i) != '\n') {
                    i++;
                }
                out.append('\n');
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 1;
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
