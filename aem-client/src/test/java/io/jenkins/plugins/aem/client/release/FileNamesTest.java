package io.jenkins.plugins.aem.client.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Task and endpoint names to file names and back, for names no file system holds as they are. */
class FileNamesTest {

    private static final List<String> NAMES = List.of("Orders", "Sales DEV to Snowflake", "a/b", "a\\b", "C:drive",
            "star*", "what?", "say \"hi\"", "<tag>", "pipe|line", "100%", "tilde~x", "tab\there", "line\nbreak", ".hidden",
            "trailing.", "trailing ", " leading", "CON", "con", "Con.backup", "nul", "COM1", "lpt9.x", "AUX ", "Ventes été",
            "東京タスク", "emoji 😀", "..", ".", "%2F", "a~12345678");

    @Test
    void everyNameMapsToAFileNameAnyFileSystemHoldsAndBack() {
        for (String name : NAMES) {
            String file = FileNames.of(name);
            assertThat(file).as(name).endsWith(".json").matches("[\\x21-\\x7e][\\x20-\\x7e]*");
            String base = file.substring(0, file.length() - 5);
            assertThat(base).as(name).doesNotContainPattern("[/\\\\:*?\"<>|]").doesNotStartWith(".")
                    .doesNotEndWith(".").doesNotEndWith(" ");
            String stem = base.contains(".") ? base.substring(0, base.indexOf('.')) : base;
            assertThat(Set.of("CON", "PRN", "AUX", "NUL", "COM1", "LPT9")).as(name)
                    .doesNotContain(stem.strip().toUpperCase(Locale.ROOT));
            assertThat(FileNames.nameOf(file)).as(name).hasValue(name);
            assertThat(FileNames.fits(file, name)).isTrue();
        }
    }

    @Test
    void aNameTooLongIsCutWithAHashAndItsFileStillFitsOnlyIt() {
        String longName = "Replicate task ".repeat(20) + "A";
        String other = "Replicate task ".repeat(20) + "B";
        String file = FileNames.of(longName);
        assertThat(file.length()).isLessThanOrEqualTo(FileNames.MAX_BASE + 5);
        assertThat(file).isNotEqualTo(FileNames.of(other));
        assertThat(FileNames.fits(file, longName)).isTrue();
        assertThat(FileNames.fits(file, other)).isFalse();
        assertThat(FileNames.nameOf(file)).isEmpty(); // the name is read from the file
        String escapes = "/".repeat(100);
        assertThat(FileNames.of(escapes)).matches("(%2F)+~[0-9a-f]{8}\\.json");
    }

    @Test
    void namesThatDifferOnlyByCaseGetFilesThatDifferWithoutCase() {
        Map<String, String> files = FileNames.of(List.of("Orders", "ORDERS", "orders", "Billing"));
        Set<String> folded = new TreeSet<>();
        files.values().forEach(f -> folded.add(f.toLowerCase(Locale.ROOT)));
        assertThat(folded).hasSize(4);
        assertThat(files).containsEntry("ORDERS", "ORDERS.json").containsEntry("Billing", "Billing.json");
        files.forEach((name, file) -> {
            assertThat(FileNames.nameOf(file)).hasValue(name);
            assertThat(FileNames.fits(file, name)).isTrue();
        });
        assertThat(FileNames.fits(files.get("Orders"), "orders")).isFalse();
    }

    @Test
    void aFileNameNotWrittenAsItIsWrittenStandsForNoName() {
        assertThat(FileNames.nameOf("Or%64ers.json")).isEmpty();
        assertThat(FileNames.nameOf("Orders.txt")).isEmpty();
        assertThat(FileNames.nameOf(".json")).isEmpty();
        assertThat(FileNames.nameOf("bad%ZZ.json")).isEmpty();
        assertThat(FileNames.nameOf("Orders~00000000.json")).isEmpty();
        assertThat(FileNames.nameOf("CON.json")).isEmpty();
    }
}
