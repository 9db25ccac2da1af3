package org.qarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClinicVoiceTest {

  @Test
  void theShippedFileIsTheDefaults() throws Exception {
    ClinicVoice v = ClinicVoice.parse(SiteConfig.File.CLINIC.defaultText());
    assertEquals(ClinicVoice.defaults().emergencyNumber(), v.emergencyNumber());
    assertEquals("911", v.emergencyNumber());
    assertEquals("", v.name());
    assertEquals("", v.phone());
    assertEquals(ClinicVoice.DEFAULT_DISCLAIMER, v.disclaimer());
    assertEquals(ClinicVoice.DEFAULT_EMERGENCY_MESSAGE, v.emergencyMessage());
    assertTrue(v.crisisMessage().contains("988"), v.crisisMessage());
    assertEquals(v, ClinicVoice.defaults());
    assertEquals(ClinicVoice.defaults(), ClinicVoice.parse("# nothing set\n"), "left out: default");
  }

  @Test
  void readsEverySetting() throws Exception {
    ClinicVoice v =
        ClinicVoice.parse(
            """
            # a comment
            name = Kane Plastic Surgery
            phone: (410) 555-0100 ext. 12
            contact_url = https://kane.example/contact?from=archive
            consultation_url = mailto:ask@kane.example
            disclaimer = General information only.
            emergency_number = 112
            emergency_message = Call now.
            crisis_message =
            """);
    assertEquals("Kane Plastic Surgery", v.name());
    assertEquals("(410) 555-0100 ext. 12", v.phone());
    assertEquals("tel:4105550100", v.phoneHref());
    assertEquals("https://kane.example/contact?from=archive", v.contactUrl());
    assertEquals("mailto:ask@kane.example", v.consultationUrl());
    assertEquals("General information only.", v.disclaimer());
    assertEquals("112", v.emergencyNumber());
    assertEquals("tel:112", v.emergencyHref());
    assertEquals("Call now.", v.emergencyMessage());
    assertEquals("", v.crisisMessage());
    assertEquals("tel:+442079460000", ClinicVoice.parse("phone = +44 20 7946 0000").phoneHref());
  }

  @Test
  void refusesMistakesNamingTheLine() {
    String[][] bad = {
      {"phnoe = 555", "line 1: unknown setting 'phnoe'"},
      {"name = A\nname = B", "line 2: 'name' is set twice"},
      {"\n\nphone = call us", "line 3: phone must be a phone number"},
      {"contact_url = javascript:alert(1)", "line 1: contact_url must be an http://"},
      {"consultation_url = kane.example/book", "line 1: consultation_url must be"},
      {"emergency_number = nine one one", "line 1: emergency_number must be the digits"},
      {"emergency_number =", "line 1: emergency_number must be the digits"},
      {"just some words", "line 1: expected 'key = value'"},
      {"name = " + "x".repeat(121), "line 1: name is longer than 120"},
    };
    for (String[] b : bad) {
      ConfigException e = assertThrows(ConfigException.class, () -> ClinicVoice.parse(b[0]), b[0]);
      assertTrue(e.getMessage().startsWith(b[1]), e.getMessage());
    }
  }
}
