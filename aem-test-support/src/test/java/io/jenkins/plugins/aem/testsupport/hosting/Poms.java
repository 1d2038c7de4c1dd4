package io.jenkins.plugins.aem.testsupport.hosting;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * Reads a POM as the hosting checker does: Maven's own reader, the file as written (no parent, no profiles, no
 * interpolation), so that a value is seen exactly as {@code MavenVerifier} sees it.
 */
final class Poms {

    private Poms() {
    }

    /** The model, or empty when the file is not a POM Maven can read (the checker's INVALID_POM). */
    static Optional<Model> read(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            return Optional.of(new MavenXpp3Reader().read(in));
        } catch (XmlPullParserException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
