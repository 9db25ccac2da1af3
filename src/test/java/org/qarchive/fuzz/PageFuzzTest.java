package org.qarchive.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.qarchive.importer.MainContentExtractor;
import org.qarchive.importer.PageExtractor;
import org.qarchive.importer.PageResult;

/**
 * Fuzzes page extraction: any bytes give a page result (possibly BROKEN with a reason), never an
 * exception. Seeds under {@code PageFuzzTestInputs} run in every CI; {@code ./qarchive fuzz} fuzzes
 * for longer.
 */
class PageFuzzTest {

  private static final PageExtractor PAGES = new PageExtractor();
  private static final MainContentExtractor CONTENT = new MainContentExtractor();

  @FuzzTest(maxDuration = "2m")
  void anyBytesGiveAPageResult(FuzzedDataProvider data) {
    String hint =
        data.consumeBoolean()
            ? "http://blog.example-clinic.com/2013/05/" + data.consumeAsciiString(20)
            : null;
    byte[] bytes = data.consumeRemainingAsBytes();
    PageResult r = PAGES.extract(bytes, "fuzz.html", hint);
    assertNotNull(r.kind());
    assertNotNull(CONTENT.extract(bytes));
  }
}
