package org.qarchive.web.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.io.Content;

/**
 * Receives one uploaded file from a {@code multipart/form-data} form as a stream, straight to disk:
 * the small fields before the file (the CSRF token) are checked before a byte of the file is
 * written, the file's name is checked before it is opened, and the file is cut off at the size
 * limit. Whatever goes wrong (a refused token or name, the limit, a client that goes away), the
 * partial file is deleted: nothing half-written is kept.
 */
final class UploadReceiver {

  /** What staff may upload: everything the command line imports, and WordPress exports. */
  static final List<String> EXTENSIONS =
      List.of(
          ".zip",
          ".warc",
          ".warc.gz",
          ".html",
          ".htm",
          ".html.gz",
          ".htm.gz",
          ".jsonl",
          ".ndjson",
          ".xml");

  private static final int MAX_FIELD_BYTES = 4096;
  private static final int MAX_PARTS = 16;
  private static final int MAX_NAME = 200;

  /** Letters, digits, spaces and a few marks: no path separators, no controls, no escapes. */
  private static final Pattern NAME_CHARS = Pattern.compile("[\\p{L}\\p{N} _.,()\\[\\]+@&'#-]+");

  /** Bytes read past the limit to let the browser finish sending and read our 413 page. */
  static final long DRAIN_LIMIT = 64L * 1024 * 1024;

  /** An upload turned away, with the status and message to answer. */
  static final class Refused extends Exception {
    final int status;

    Refused(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** Checks the form's fields that came before the file (the CSRF token). */
  interface FieldCheck {
    void check(Map<String, String> fields) throws Refused;
  }

  /**
   * A received file.
   *
   * @param name its name as the browser gave it, checked
   * @param file where it is, in the incoming folder
   * @param size its length in bytes
   */
  record Upload(String name, Path file, long size) {}

  private final SecureRandom random = new SecureRandom();

  /**
   * The file name as uploaded, if it is a plain name with an extension qarchive imports.
   *
   * @throws Refused otherwise, with a message that names the problem
   */
  static String checkName(String raw) throws Refused {
    if (raw == null || raw.isEmpty()) {
      throw new Refused(400, "Choose a file to upload.");
    }
    if (raw.length() > MAX_NAME) {
      throw new Refused(400, "The file name is longer than " + MAX_NAME + " characters.");
    }
    if (raw.indexOf('/') >= 0 || raw.indexOf('\\') >= 0 || raw.indexOf(':') >= 0) {
      throw new Refused(
          400, "The file name contains a folder or drive; upload the file under its own name.");
    }
    if (!NAME_CHARS.matcher(raw).matches()) {
      throw new Refused(
          400,
          "The file name contains characters that cannot be used (control characters or symbols);"
              + " rename the file and upload it again.");
    }
    if (raw.startsWith(".")
        || raw.startsWith("-")
        || raw.contains("..")
        || !raw.equals(raw.strip())) {
      throw new Refused(400, "The file name cannot start with a dot or dash or contain \"..\".");
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    if (EXTENSIONS.stream().noneMatch(lower::endsWith) || lower.length() <= 4) {
      throw new Refused(
          415,
          "qarchive imports "
              + String.join(", ", EXTENSIONS)
              + " files (a folder goes in a .zip); this file is none of them.");
    }
    return raw;
  }

  /**
   * Reads the form from {@code body} and writes its one file into {@code incoming}.
   *
   * @param contentType the request's Content-Type, with the boundary
   * @param maxBytes the largest file accepted
   * @throws Refused when the form, its fields, the name or the size is refused (nothing is kept)
   * @throws IOException when reading the request or writing the disk fails (nothing is kept)
   */
  Upload receive(
      InputStream body, String contentType, long maxBytes, Path incoming, FieldCheck check)
      throws Refused, IOException {
    String boundary = boundary(contentType);
    Files.createDirectories(incoming);
    Receiving r = new Receiving(incoming, maxBytes, check);
    MultiPart.Parser parser = new MultiPart.Parser(boundary, r);
    parser.setMaxParts(MAX_PARTS);
    byte[] buf = new byte[64 * 1024];
    long raw = 0;
    try {
      while (r.refused == null && !r.complete) {
        int n = body.read(buf);
        if (n < 0) {
          parser.parse(Content.Chunk.EOF);
          break;
        }
        raw += n;
        parser.parse(Content.Chunk.from(ByteBuffer.wrap(buf, 0, n), false));
      }
      if (r.refused != null) {
        if (r.refused.status == 413) {
          drain(body, buf);
        }
        throw r.refused;
      }
      if (!r.complete) {
        throw new Refused(400, "The upload ended before the whole file arrived; try again.");
      }
      if (r.file == null) {
        throw new Refused(400, "Choose a file to upload.");
      }
      return new Upload(r.fileName, r.file, r.size);
    } catch (Refused | IOException | RuntimeException e) {
      r.discard();
      throw e;
    } finally {
      r.closeQuietly();
    }
  }

  /**
   * Reads and drops a request body refused before it was read, up to {@link #DRAIN_LIMIT}: a server
   * that answers and closes while the client is still sending resets the connection, and the client
   * (a browser, Java's HTTP client) then shows a broken connection instead of the answer.
   */
  static void drain(InputStream body) {
    drain(body, new byte[64 * 1024]);
  }

  /** Reads and drops what the client still sends, up to a bound, so it sees our answer. */
  private static void drain(InputStream body, byte[] buf) {
    long left = DRAIN_LIMIT;
    try {
      int n;
      while (left > 0 && (n = body.read(buf)) > 0) {
        left -= n;
      }
    } catch (IOException e) {
      // the client went away: nobody to answer
    }
  }

  private static String boundary(String contentType) throws Refused {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new Refused(400, "Upload the file with the form on the import page.");
    }
    String b = MultiPart.extractBoundary(contentType);
    if (b == null || b.isEmpty() || b.length() > 200) {
      throw new Refused(400, "Upload the file with the form on the import page.");
    }
    return b;
  }

  /** The state of one form being read, fed by the parser. */
  private final class Receiving implements MultiPart.Parser.Listener {
    private final Path incoming;
    private final long maxBytes;
    private final FieldCheck check;
    final Map<String, String> fields = new HashMap<>();
    Refused refused;
    boolean complete;
    String fileName;
    Path file;
    long size;
    private FileChannel channel;
    private String disposition;
    private String partName;
    private boolean filePart;
    private final java.io.ByteArrayOutputStream field = new java.io.ByteArrayOutputStream();

    Receiving(Path incoming, long maxBytes, FieldCheck check) {
      this.incoming = incoming;
      this.maxBytes = maxBytes;
      this.check = check;
    }

    @Override
    public void onPartBegin() {
      disposition = null;
      partName = null;
      filePart = false;
      field.reset();
    }

    @Override
    public void onPartHeader(String name, String value) {
      if (name != null && name.equalsIgnoreCase("Content-Disposition")) {
        disposition = value;
      }
    }

    @Override
    public void onPartHeaders() {
      if (refused != null) {
        return;
      }
      Map<String, String> d = ContentDisposition.parse(disposition);
      partName = d.get("name");
      if (partName == null) {
        refused = new Refused(400, "The upload was not a form this page sent.");
        return;
      }
      if (!d.containsKey("filename")) {
        return;
      }
      filePart = true;
      if (file != null) {
        refused = new Refused(400, "Upload one file at a time.");
        return;
      }
      try {
        check.check(Map.copyOf(fields)); // before a byte of the file is written
        fileName = checkName(d.get("filename"));
        byte[] r = new byte[8];
        random.nextBytes(r);
        file = incoming.resolve(HexFormat.of().formatHex(r) + ".part");
        channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (Refused e) {
        refused = e;
      } catch (IOException e) {
        refused = new Refused(507, "The server could not store the file: " + e.getMessage());
      }
    }

    @Override
    public void onPartContent(Content.Chunk chunk) {
      if (refused != null) {
        return;
      }
      ByteBuffer b = chunk.getByteBuffer().slice();
      if (filePart) {
        size += b.remaining();
        if (size > maxBytes) {
          refused =
              new Refused(
                  413,
                  "The file is larger than the upload limit of "
                      + AdminPages.bytes(maxBytes)
                      + ". Split the archive into smaller zips, or ask the administrator to import"
                      + " it on the server with 'qarchive import'.");
          return;
        }
        try {
          while (b.hasRemaining()) {
            channel.write(b);
          }
        } catch (IOException e) {
          refused = new Refused(507, "The server could not store the file: " + e.getMessage());
        }
      } else {
        if (field.size() + b.remaining() > MAX_FIELD_BYTES) {
          refused = new Refused(400, "The upload was not a form this page sent.");
          return;
        }
        byte[] bytes = new byte[b.remaining()];
        b.get(bytes);
        field.writeBytes(bytes);
      }
    }

    @Override
    public void onPartEnd() {
      if (refused == null && !filePart && partName != null) {
        fields.putIfAbsent(partName, field.toString(StandardCharsets.UTF_8));
      }
      if (filePart && channel != null && refused == null) {
        try {
          channel.force(true);
          channel.close();
        } catch (IOException e) {
          refused = new Refused(507, "The server could not store the file: " + e.getMessage());
        }
      }
    }

    @Override
    public void onComplete() {
      complete = true;
    }

    @Override
    public void onFailure(Throwable failure) {
      if (refused == null) {
        refused = new Refused(400, "The upload was not a well-formed form; try again.");
      }
    }

    void closeQuietly() {
      if (channel != null && channel.isOpen()) {
        try {
          channel.close();
        } catch (IOException e) {
          // the file is deleted next if it is not kept
        }
      }
    }

    void discard() {
      closeQuietly();
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // left for the start-up sweep of the incoming folder
        }
      }
    }
  }

  /** Reads a Content-Disposition header's parameters ({@code name}, {@code filename}). */
  static final class ContentDisposition {
    private ContentDisposition() {}

    static Map<String, String> parse(String header) {
      Map<String, String> out = new HashMap<>();
      if (header == null) {
        return out;
      }
      int i = header.indexOf(';');
      if (i < 0 || !header.substring(0, i).strip().equalsIgnoreCase("form-data")) {
        return out;
      }
      int n = header.length();
      while (i < n) {
        i++; // past ';'
        while (i < n && header.charAt(i) == ' ') {
          i++;
        }
        int eq = header.indexOf('=', i);
        if (eq < 0) {
          break;
        }
        String key = header.substring(i, eq).strip().toLowerCase(Locale.ROOT);
        i = eq + 1;
        StringBuilder v = new StringBuilder();
        if (i < n && header.charAt(i) == '"') {
          i++;
          while (i < n && header.charAt(i) != '"') {
            char c = header.charAt(i);
            if (c == '\\' && i + 1 < n) {
              c = header.charAt(++i);
            }
            v.append(c);
            i++;
          }
          i++; // closing quote
          while (i < n && header.charAt(i) != ';') {
            i++;
          }
        } else {
          while (i < n && header.charAt(i) != ';') {
            v.append(header.charAt(i++));
          }
        }
        out.putIfAbsent(key, key.equals("filename") ? v.toString() : v.toString().strip());
      }
      return out;
    }
  }
}
