package org.qarchive.web.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadReceiverTest {

  @TempDir Path dir;
  final UploadReceiver r = new UploadReceiver();
  static final String BOUNDARY = "----b0undary";
  static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  @Test
  void theFileIsStreamedToTheIncomingFolderAfterTheFieldsAreChecked() throws Exception {
    byte[] content = "PK\u0003\u0004 pretend zip".getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = AdminTestServer.multipart(BOUNDARY, "tok", "site (2).zip", content);
    String[] seen = {null};
    UploadReceiver.Upload up =
        r.receive(new ByteArrayInputStream(body), TYPE, 1024, dir, f -> seen[0] = f.get("csrf"));
    assertEquals("tok", seen[0]);
    assertEquals("site (2).zip", up.name());
    assertEquals(content.length, up.size());
    assertTrue(up.file().startsWith(dir));
    assertEquals(
        new String(content, StandardCharsets.ISO_8859_1),
        Files.readString(up.file(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void aRefusedTokenStopsTheUploadBeforeAnyByteOfTheFileIsWritten() throws Exception {
    byte[] body = AdminTestServer.multipart(BOUNDARY, "bad", "site.zip", new byte[5000]);
    UploadReceiver.Refused e =
        assertThrows(
            UploadReceiver.Refused.class,
            () ->
                r.receive(
                    new ByteArrayInputStream(body),
                    TYPE,
                    1 << 20,
                    dir,
                    f -> {
                      throw new UploadReceiver.Refused(403, "no");
                    }));
    assertEquals(403, e.status);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aFileOverTheLimitIsCutOffAndDeleted() throws Exception {
    byte[] body = AdminTestServer.multipart(BOUNDARY, "tok", "site.zip", new byte[100_000]);
    UploadReceiver.Refused e =
        assertThrows(
            UploadReceiver.Refused.class,
            () -> r.receive(new ByteArrayInputStream(body), TYPE, 10_000, dir, f -> {}));
    assertEquals(413, e.status);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void aTruncatedFormKeepsNothing() throws Exception {
    byte[] body = AdminTestServer.multipart(BOUNDARY, "tok", "site.zip", new byte[50_000]);
    byte[] cut = java.util.Arrays.copyOf(body, 30_000);
    UploadReceiver.Refused e =
        assertThrows(
            UploadReceiver.Refused.class,
            () -> r.receive(new ByteArrayInputStream(cut), TYPE, 1 << 20, dir, f -> {}));
    assertEquals(400, e.status);
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void contentDispositionParametersAreReadWithQuotesAndEscapes() {
    assertEquals(
        Map.of("name", "file", "filename", "a \"b\"; c.zip"),
        UploadReceiver.ContentDisposition.parse(
            "form-data; name=\"file\"; filename=\"a \\\"b\\\"; c.zip\""));
    assertEquals(
        Map.of("name", "csrf"), UploadReceiver.ContentDisposition.parse("form-data; name=csrf"));
    assertEquals(Map.of(), UploadReceiver.ContentDisposition.parse("attachment; name=\"x\""));
  }

  @Test
  void fileNamesAreAcceptedOnlyAsPlainNamesWithAKnownExtension() throws Exception {
    for (String ok :
        new String[] {
          "site.zip",
          "Blog Backup (2015).ZIP",
          "crawl.warc.gz",
          "post.html",
          "export.jsonl",
          "clinic.WordPress.2014-03-07.xml",
          "naïve café.zip"
        }) {
      assertEquals(ok, UploadReceiver.checkName(ok));
    }
    for (String bad :
        new String[] {
          "../x.zip", "x/../../y.zip", "/abs.zip", "C:\\a.zip", "a\u0000.zip", ".zip", ".x.zip",
          "x..zip", "x.zip ", " x.zip", "x.tar", "x", "%2e.zip", "a\nb.zip"
        }) {
      assertThrows(UploadReceiver.Refused.class, () -> UploadReceiver.checkName(bad), bad);
    }
  }
}
