package io.jenkins.plugins.aem.client.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The file name of a task or endpoint in a release folder: its name, made safe for every file system and mapped back
 * to the name exactly. The name itself is always kept inside the file too.
 *
 * <ul>
 *   <li>Every byte of the name's UTF-8 form is written as {@code %XX} (upper-case hex) when it is not printable ASCII,
 *       or one of {@code / \ : * ? " < > | % ~}; so is a leading or trailing dot or space. Non-ASCII is escaped too,
 *       so that a file system that normalises Unicode (macOS) gives back the same bytes.</li>
 *   <li>A name Windows reserves ({@code CON}, {@code PRN}, {@code AUX}, {@code NUL}, {@code COM0}-{@code COM9},
 *       {@code LPT0}-{@code LPT9}, in any case, before the file name's first dot) has its first letter escaped.</li>
 *   <li>A name whose escaped form is longer than {@value #MAX_BASE} characters is cut, and {@code ~} and a hash of the
 *       whole name follow: such a file name no longer spells the name, which is read from the file.</li>
 *   <li>Names that differ only by case would be one file on a case-insensitive file system (Windows, macOS): of such
 *       names in a set, the first in {@link String#compareTo} order keeps its plain file name, and each other gets
 *       {@code ~} and a hash of its name appended.</li>
 * </ul>
 * Since {@code ~} is always escaped in a name, a {@code ~} in a file name starts the hash.
 */
public final class FileNames {

    /** The extension of every file of a release folder. */
    public static final String EXTENSION = ".json";

    /** The longest escaped name kept whole (a file name has at most 255 bytes, and paths grow in front of it). */
    static final int MAX_BASE = 120;

    private static final char MARK = '~';
    private static final String ESCAPED = "/\\:*?\"<>|%~";
    private static final Set<String> RESERVED = reserved();

    private FileNames() {
    }

    /** The file name of {@code name} alone, as when no other name of its set differs from it by case only. */
    public static String of(String name) {
        String escaped = escape(name);
        if (escaped.length() <= MAX_BASE) {
            return escaped + EXTENSION;
        }
        int cut = MAX_BASE - 1 - HASH_LENGTH;
        // Never cut an escape in two.
        int percent = escaped.lastIndexOf('%', cut - 1);
        if (percent >= 0 && percent > cut - 3) {
            cut = percent;
        }
        return escaped.substring(0, cut) + MARK + hash(name) + EXTENSION;
    }

    /**
     * The file names of a set of names (tasks of a server, or its endpoints), by name: {@link #of(String)}, except that
     * names which differ only by case get a hash, all but the first of them.
     */
    public static Map<String, String> of(Collection<String> names) {
        Map<String, List<String>> byFolded = new TreeMap<>();
        for (String name : new TreeSet<>(names)) {
            byFolded.computeIfAbsent(of(name).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(name);
        }
        Map<String, String> out = new TreeMap<>();
        byFolded.values().forEach(group -> {
            for (int i = 0; i < group.size(); i++) {
                String name = group.get(i);
                String plain = of(name);
                out.put(name, i == 0 ? plain : base(plain) + MARK + hash(name) + EXTENSION);
            }
        });
        return out;
    }

    /** Whether {@code fileName} is a file name {@code name} may have in a set: its own, or its own with the hash. */
    public static boolean fits(String fileName, String name) {
        String plain = of(name);
        return fileName.equals(plain) || plain.indexOf(MARK) < 0 && fileName.equals(base(plain) + MARK + hash(name) + EXTENSION);
    }

    /**
     * The name a file name stands for; empty when it was cut (the name is read from the file) or when it is no file
     * name of a release folder (not {@code .json}, or not written as {@link #of} writes it).
     */
    public static Optional<String> nameOf(String fileName) {
        if (!fileName.endsWith(EXTENSION) || fileName.length() == EXTENSION.length()) {
            return Optional.empty();
        }
        String base = base(fileName);
        int mark = base.lastIndexOf(MARK);
        Optional<String> name = unescape(mark < 0 ? base : base.substring(0, mark));
        return name.filter(n -> fits(fileName, n));
    }

    private static String base(String fileName) {
        return fileName.substring(0, fileName.length() - EXTENSION.length());
    }

    private static String escape(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean edge = i == 0 || i == bytes.length - 1;
            boolean plain = b > 0x20 && b < 0x7f && ESCAPED.indexOf(b) < 0 || b == ' ' && !edge;
            if (plain && !(b == '.' && edge)) {
                out.append((char) b);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
            }
        }
        int dot = out.indexOf(".");
        String stem = (dot < 0 ? out.toString() : out.substring(0, dot)).stripTrailing().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(stem)) {
            out.replace(0, 1, "%" + HexFormat.of().withUpperCase().toHexDigits((byte) out.charAt(0)));
        }
        return out.toString();
    }

    private static Optional<String> unescape(String escaped) {
        byte[] out = new byte[escaped.length()];
        int n = 0;
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '%') {
                if (i + 2 >= escaped.length()) {
                    return Optional.empty();
                }
                try {
                    out[n++] = (byte) HexFormat.fromHexDigits(escaped, i + 1, i + 3);
                } catch (IllegalArgumentException notHex) {
                    return Optional.empty();
                }
                i += 2;
            } else if (c > 0x7e) {
                return Optional.empty();
            } else {
                out[n++] = (byte) c;
            }
        }
        String name = new String(out, 0, n, StandardCharsets.UTF_8);
        return name.isEmpty() ? Optional.empty() : Optional.of(name);
    }

    private static final int HASH_LENGTH = 8;

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, HASH_LENGTH / 2);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static Set<String> reserved() {
        Set<String> names = new TreeSet<>(List.of("CON", "PRN", "AUX", "NUL"));
        for (int i = 0; i <= 9; i++) {
            names.add("COM" + i);
            names.add("LPT" + i);
        }
        return Set.copyOf(names);
    }
}
