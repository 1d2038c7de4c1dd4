package io.jenkins.plugins.aem.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Replicate version as GetServerDetails shows it ({@code 2024.11.0.177}) and as an export's {@code _version} block
 * carries it: {@code {"version":"2024.11.0.177","version_major":2024,"version_minor":11,"version_revision":177}}.
 * The revision is the last part (the build), as the Ansible collection reads it; missing parts count as 0.
 *
 * @param text     the version as shown
 * @param major    the first part
 * @param minor    the second part
 * @param revision the fourth part (the build number)
 */
record ReplicateVersion(String text, int major, int minor, int revision) {
    /** ExportTask, ImportTask and DeleteTask need Replicate 5.5 or later (the .NET/Python pages; REST says 5.2). */
    static final ReplicateVersion DEFINITIONS_SINCE = parse("5.5.0.0");

    /** Reads {@code a.b.c.d}; an unreadable text counts as 0.0.0.0, which no definition call accepts. */
    static ReplicateVersion parse(String text) {
        String[] parts = text == null ? new String[0] : text.trim().split("\\.");
        return new ReplicateVersion(text == null ? "" : text.trim(), part(parts, 0), part(parts, 1), part(parts, 3));
    }

    /** Whether this version is at least {@code other} (major, then minor, then revision). */
    boolean atLeast(ReplicateVersion other) {
        if (major != other.major) {
            return major > other.major;
        }
        return minor != other.minor ? minor > other.minor : revision >= other.revision;
    }

    /** Writes the {@code _version} block into {@code n}. */
    void writeTo(ObjectNode n) {
        n.put("version", text);
        n.put("version_major", major);
        n.put("version_minor", minor);
        n.put("version_revision", revision);
    }

    private static int part(String[] parts, int i) {
        if (i >= parts.length) {
            return 0;
        }
        try {
            return Integer.parseInt(parts[i].replaceAll("[^0-9].*$", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
