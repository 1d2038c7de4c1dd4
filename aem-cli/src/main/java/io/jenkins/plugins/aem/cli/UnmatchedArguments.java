package io.jenkins.plugins.aem.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Says which arguments the command did not understand without repeating them. Picocli's own message quotes every one,
 * and one may be a password typed where the command takes none ({@code --password s3cret}): that message would put it
 * in the build log. So only option names are shown; values and stray words are counted.
 */
final class UnmatchedArguments {

    /** What an option name looks like; anything else (a value, a path, a password) is not shown. */
    private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*");

    private UnmatchedArguments() {
    }

    /** For example {@code "Unknown option '--password'; 1 argument not shown, as it may be a secret"}. */
    static String describe(List<String> unmatched) {
        List<String> names = new ArrayList<>();
        int hidden = 0;
        for (String arg : unmatched) {
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (OPTION_NAME.matcher(name).matches()) {
                names.add("'" + name + "'");
                hidden += eq < 0 ? 0 : 1; // the value after '='
            } else {
                hidden++;
            }
        }
        String notShown = hidden == 1 ? "1 argument not shown, as it may be a secret"
                : hidden + " arguments not shown, as one may be a secret";
        if (names.isEmpty()) {
            return "Unexpected input: " + notShown;
        }
        return "Unknown option" + (names.size() == 1 ? " " : "s ") + String.join(", ", names)
                + (hidden == 0 ? "" : "; " + notShown);
    }
}
