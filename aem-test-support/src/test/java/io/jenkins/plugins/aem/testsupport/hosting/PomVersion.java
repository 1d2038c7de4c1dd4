package io.jenkins.plugins.aem.testsupport.hosting;

/**
 * The hosting checker's {@code hosting/Version}: a number before the first dot and the rest as one suffix. Suffixes
 * compare as numbers when both are whole numbers, else as text; no suffix comes first. So 6.2138.v… sorts below
 * 6.2211.v…, which is all the checker asks of it.
 */
record PomVersion(int major, String suffix) implements Comparable<PomVersion> {

    static PomVersion parse(String version) {
        String v = version.trim();
        int dot = v.indexOf('.');
        if (dot < 0) {
            return new PomVersion(Integer.parseInt(v), null);
        }
        String rest = v.substring(dot + 1);
        return new PomVersion(Integer.parseInt(v.substring(0, dot)), rest.isEmpty() ? null : rest);
    }

    @Override
    public int compareTo(PomVersion other) {
        int r = Integer.compare(major, other.major);
        if (r != 0) {
            return r;
        }
        if (suffix == null || other.suffix == null) {
            return suffix == null ? (other.suffix == null ? 0 : -1) : 1;
        }
        Integer a = wholeNumber(suffix);
        Integer b = wholeNumber(other.suffix);
        return a != null && b != null ? Integer.compare(a, b) : suffix.compareTo(other.suffix);
    }

    @Override
    public String toString() {
        return suffix == null ? Integer.toString(major) : major + "." + suffix;
    }

    private static Integer wholeNumber(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
