package io.jenkins.plugins.aem.client.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A file's placeholders kept where this environment's values give the server's value. */
class PlaceholderKeeperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aPlaceholderThatGivesTheServersValueStays() throws Exception {
        JsonNode file = json("{\"s\": \"${HOST}:1521/${SID}\", \"n\": 1, \"list\": [\"${A}\", \"x\"], \"pw\": \"${secret:E/password}\"}");
        JsonNode exported = json("{\"s\": \"db:1521/ORCL\", \"n\": 1, \"list\": [\"a1\", \"x\"], \"pw\": \"${secret:E/password}\"}");
        PlaceholderKeeper.Kept kept = PlaceholderKeeper.keep(file, exported, Map.of("HOST", "db", "SID", "ORCL", "A", "a1"));
        assertThat(kept.tree()).isEqualTo(file);
        assertThat(kept.replaced()).isEmpty();
    }

    @Test
    void aDifferingValueOrAMissingOneIsReplacedAndSaid() throws Exception {
        JsonNode file = json("{\"s\": \"${HOST}\", \"t\": \"${NONE}\", \"port\": \"${PORT}\", \"lit\": \"$${x}\"}");
        JsonNode exported = json("{\"s\": \"prod-db\", \"t\": \"v\", \"port\": 1521, \"lit\": \"$${x}\", \"new\": true}");
        PlaceholderKeeper.Kept kept = PlaceholderKeeper.keep(file, exported, Map.of("HOST", "test-db", "PORT", "1521"));
        assertThat(kept.tree()).isEqualTo(exported);
        assertThat(kept.replaced()).extracting(PlaceholderKeeper.Replaced::path, PlaceholderKeeper.Replaced::reason)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("s", "it gives \"test-db\" with these values, and the server has \"prod-db\""),
                        org.assertj.core.groups.Tuple.tuple("t", "no value for ${NONE}"),
                        org.assertj.core.groups.Tuple.tuple("port", "it gives \"1521\" with these values, and the server has 1521"));
    }

    @Test
    void withoutAFileTheExportIsWrittenAsItIs() throws Exception {
        JsonNode exported = json("{\"a\": \"b\"}");
        assertThat(PlaceholderKeeper.keep(null, exported, Map.of()).tree()).isEqualTo(exported);
        assertThat(PlaceholderKeeper.keep(json("{\"a\": \"${A\"}"), exported, Map.of("A", "b")).tree()).isEqualTo(exported);
    }
}
