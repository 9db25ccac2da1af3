package org.qarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteConfigTest {

  @TempDir Path dir;

  @Test
  void aFolderWithoutFilesGivesTheShippedDefaults() {
    SiteConfig c = SiteConfig.in(dir.resolve("config"));
    assertEquals("911", c.current().clinic().emergencyNumber());
    assertNotNull(c.current().emergencies().detect("chest pain"));
    assertTrue(c.current().facets().hides("q&a"));
    assertFalse(c.refresh(), "nothing changed");
  }

  @Test
  void writesTheDocumentedDefaultsOnlyWhereAFileIsMissing() throws Exception {
    Files.writeString(dir.resolve("clinic.properties"), "name = Mine\n");
    List<Path> written = SiteConfig.writeMissingDefaults(dir);
    assertEquals(
        List.of(dir.resolve("emergency-triggers.txt"), dir.resolve("facet-stoplist.txt")), written);
    assertEquals("name = Mine\n", Files.readString(dir.resolve("clinic.properties")));
    assertEquals(
        SiteConfig.File.FACET_STOPLIST.defaultText(),
        Files.readString(dir.resolve("facet-stoplist.txt")));
    assertEquals("Mine", SiteConfig.in(dir).current().clinic().name());
  }

  @Test
  void picksUpAChangedFileWithoutARestart() throws Exception {
    SiteConfig c = SiteConfig.in(dir);
    Files.writeString(
        dir.resolve("clinic.properties"), "name = Kane Clinic\nphone = 410 555 0100\n");
    Files.writeString(dir.resolve("emergency-triggers.txt"), "purple toes\n");
    Files.writeString(dir.resolve("facet-stoplist.txt"), "botox\n");
    assertTrue(c.refresh());
    assertEquals("Kane Clinic", c.current().clinic().name());
    assertNotNull(c.current().emergencies().detect("my toes are purple toes"));
    assertNull(c.current().emergencies().detect("chest pain"), "the file replaces the default");
    assertTrue(c.current().facets().hides("Botox"));
    assertFalse(c.current().facets().hides("q&a"));
    Files.delete(dir.resolve("facet-stoplist.txt"));
    assertTrue(c.refresh());
    assertTrue(c.current().facets().hides("q&a"), "a removed file falls back to its default");
  }

  @Test
  void aBadFileKeepsTheLastGoodOne() throws Exception {
    Files.writeString(dir.resolve("clinic.properties"), "name = Kane Clinic\n");
    SiteConfig c = SiteConfig.in(dir);
    assertEquals("Kane Clinic", c.current().clinic().name());
    Files.writeString(dir.resolve("clinic.properties"), "name = Other\nphone = not a number\n");
    assertFalse(c.refresh());
    assertEquals("Kane Clinic", c.current().clinic().name());
    Files.write(dir.resolve("clinic.properties"), new byte[] {'n', '=', (byte) 0xff, (byte) 0xfe});
    assertFalse(c.refresh(), "not UTF-8");
    assertEquals("Kane Clinic", c.current().clinic().name());
    Files.writeString(dir.resolve("clinic.properties"), "name = Fixed\n");
    assertTrue(c.refresh());
    assertEquals("Fixed", c.current().clinic().name());
  }

  @Test
  void writeValidatesFirstAndNeverLeavesHalfAFile() throws Exception {
    SiteConfig c = SiteConfig.in(dir);
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> c.write(SiteConfig.File.CLINIC, "emergency_number = call someone\n"));
    assertTrue(e.getMessage().contains("emergency_number"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("clinic.properties")));
    c.write(SiteConfig.File.CLINIC, "emergency_number = 999\n");
    assertEquals("999", c.current().clinic().emergencyNumber());
    assertEquals(
        "emergency_number = 999\n",
        new String(Files.readAllBytes(dir.resolve("clinic.properties")), StandardCharsets.UTF_8));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void theDefaultsOnlyHaveNoFolder() {
    SiteConfig c = SiteConfig.defaults();
    assertNull(c.dir());
    assertFalse(c.refresh());
    assertEquals("911", c.current().clinic().emergencyNumber());
  }
}
