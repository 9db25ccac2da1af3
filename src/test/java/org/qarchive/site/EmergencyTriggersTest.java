package org.qarchive.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmergencyTriggersTest {

  static EmergencyTriggers shipped() throws ConfigException {
    return EmergencyTriggers.parse(SiteConfig.File.EMERGENCY_TRIGGERS.defaultText());
  }

  /** For every phrase of the shipped file, a search as a patient in that situation types it. */
  static final Map<String, String> EXAMPLES = new LinkedHashMap<>();

  static {
    String[][] pairs = {
      {"chest pain*", "chest pain and shortness of breath right now"},
      {"pain* in my chest", "sharp pains in my chest after tummy tuck"},
      {"pain* in the chest", "pain in the chest when I breathe in"},
      {"chest hurts", "my chest hurts and my left arm is numb"},
      {"chest is hurting", "my chest is hurting since this morning"},
      {"chest tightness", "chest tightness after breast augmentation"},
      {"tight chest", "tight chest and dizzy"},
      {"chest feels tight", "my chest feels tight"},
      {"chest pressure", "chest pressure while resting"},
      {"pressure in my chest", "heavy pressure in my chest"},
      {"crushing ... chest", "crushing feeling in my chest"},
      {"having a heart attack", "am I having a heart attack"},
      {"cant breath*", "I can't breathe after surgery"},
      {"cannot breath*", "cannot breathe properly lying down"},
      {"can not breath*", "I can not breathe through my mouth or nose"},
      {"unable to breath*", "unable to breathe after lipo"},
      {"struggling to breath*", "struggling to breathe at night"},
      {"hard to breath*", "it is hard to breathe since yesterday"},
      {"trouble breathing", "swollen lips and trouble breathing"},
      {"difficulty breathing", "difficulty breathing after anesthesia"},
      {"shortness of breath", "shortness of breath after tummy tuck"},
      {"short of breath", "suddenly short of breath"},
      {"gasping for air", "woke up gasping for air"},
      {"not breathing", "my husband is not breathing normally"},
      {"stopped breathing", "he stopped breathing for a moment"},
      {"choking", "choking on my swollen tongue"},
      {"slurred speech", "slurred speech and a headache"},
      {"speech is slurred", "my mother's speech is slurred"},
      {"slurring my words", "I keep slurring my words"},
      {"droop* on one side", "my face is drooping on one side"},
      {"one side of my face ... droop*", "one side of my face suddenly droops"},
      {"one side of my face ... numb*", "one side of my face went numb"},
      {"sudden numbness", "sudden numbness in my arm and leg"},
      {"sudden weakness", "sudden weakness in my left arm"},
      {"sudden confusion", "sudden confusion and dizziness in my dad"},
      {"worst headache of my life", "worst headache of my life"},
      {"having a stroke", "I think I'm having a stroke"},
      {"anaphyla*", "anaphylactic reaction to antibiotics"},
      {"severe allergic reaction", "severe allergic reaction to filler"},
      {"throat is closing", "my throat is closing up"},
      {"throat closing", "throat closing after penicillin"},
      {"throat is swelling", "my throat is swelling after the injection"},
      {"throat swelling", "throat swelling and hives"},
      {"swollen throat", "swollen throat and itchy skin after medication"},
      {"tongue is swelling", "my tongue is swelling"},
      {"tongue swelling", "lip and tongue swelling after botox"},
      {"swollen tongue", "swollen tongue after new pills"},
      {"epipen", "should I use my EpiPen"},
      {"heavy bleeding", "heavy bleeding after surgery"},
      {"bleeding heavily", "incision bleeding heavily"},
      {"bleeding a lot", "my drain is bleeding a lot"},
      {"bleeding ... wont stop", "bleeding that won't stop after liposuction"},
      {"bleeding ... will not stop", "the bleeding will not stop"},
      {"cant stop ... bleeding", "can't stop the bleeding from my nose after rhinoplasty"},
      {"bleeding profusely", "bleeding profusely from the incision"},
      {"soaked ... blood", "bandage soaked with blood"},
      {"soaking ... blood", "soaking the gauze with blood"},
      {"blood ... pouring", "blood is pouring from my nose"},
      {"blood ... gushing", "blood gushing from the wound"},
      {"losing a lot of blood", "I am losing a lot of blood"},
      {"coughing up blood", "coughing up blood after surgery"},
      {"vomiting blood", "vomiting blood this morning"},
      {"throwing up blood", "throwing up blood"},
      {"high fever", "high fever after surgery"},
      {"fever ... 103", "fever of 103 two days post op"},
      {"fever ... 104", "fever 104"},
      {"fever ... 105", "fever is 105"},
      {"fever ... surgery", "fever after my surgery"},
      {"fever ... operation", "fever after the operation"},
      {"fever ... procedure", "fever after the procedure"},
      {"fever ... incision", "fever and a red incision"},
      {"fever ... tummy tuck", "fever after tummy tuck"},
      {"fever ... liposuction", "fever after liposuction"},
      {"fever ... lipo", "fever after lipo"},
      {"fever ... implants", "fever after my breast implants"},
      {"fever ... augmentation", "fever after breast augmentation"},
      {"fever ... facelift", "fever after a facelift"},
      {"fever ... rhinoplasty", "fever after rhinoplasty"},
      {"fever ... nose job", "fever after a nose job"},
      {"fever ... bbl", "fever after bbl"},
      {"fever ... abdominoplasty", "fever after abdominoplasty"},
      {"surgery ... fever", "after surgery I have a fever"},
      {"operation ... fever", "since the operation I have fever"},
      {"tummy tuck ... fever", "tummy tuck and now a fever"},
      {"liposuction ... fever", "liposuction then chills and fever"},
      {"swollen calf", "swollen calf after surgery"},
      {"calf is swollen", "my calf is swollen and hot"},
      {"calf swelling", "calf swelling and pain after flying home"},
      {"pain and swelling in my calf", "pain and swelling in my calf"},
      {"vision ... filler", "blurry vision after filler"},
      {"filler ... vision", "filler and now my vision is blurry"},
      {"cant see ... filler", "can't see after filler"},
      {"blind* ... filler", "blindness after filler"},
      {"filler ... blind*", "can filler make you go blind"},
      {"skin ... white ... filler", "skin went white right after filler"},
      {"passed out", "passed out after surgery"},
      {"fainted", "she fainted twice today"},
      {"unconscious", "found him unconscious"},
      {"unresponsive", "my son is unresponsive"},
      {"having a seizure", "my mother is having a seizure"},
      {"overdose*", "overdosed on pain pills"},
      {"took too many pills", "I took too many pills"},
      {"suicid*", "suicidal thoughts after surgery"},
      {"kill myself", "I want to kill myself"},
      {"killing myself", "thinking about killing myself"},
      {"end my life", "how to end my life"},
      {"ending my life", "I keep thinking of ending my life"},
      {"take my own life", "I want to take my own life"},
      {"want to die", "I hate my nose and want to die"},
      {"wanna die", "i wanna die"},
      {"better off dead", "I'd be better off dead"},
      {"hurt myself", "I want to hurt myself"},
      {"hurting myself", "thoughts of hurting myself"},
      {"harm myself", "I might harm myself"},
      {"self harm*", "self-harm scars revision"},
      {"no reason to live", "no reason to live anymore"},
    };
    for (String[] p : pairs) {
      EXAMPLES.put(p[0], p[1]);
    }
  }

  @Test
  void everyShippedPhraseHasAnExampleThatItMatchesOnItsOwn() throws Exception {
    List<String> missing = new ArrayList<>();
    for (String phrase : shipped().phrases()) {
      String example = EXAMPLES.get(phrase);
      if (example == null) {
        missing.add(phrase);
        continue;
      }
      EmergencyTriggers alone = EmergencyTriggers.parse(phrase);
      assertNotNull(alone.detect(example), phrase + " should match: " + example);
    }
    assertTrue(missing.isEmpty(), "phrases without an example here: " + missing);
    assertEquals(
        EXAMPLES.keySet().stream().toList(), shipped().phrases(), "examples follow the file");
  }

  @Test
  void everyExampleIsAnEmergencyWithTheWholeFile() throws Exception {
    EmergencyTriggers all = shipped();
    for (String example : EXAMPLES.values()) {
      assertNotNull(all.detect(example), example);
    }
  }

  @Test
  void suicideAndSelfHarmAreACrisisEvenBesideAnotherEmergency() throws Exception {
    EmergencyTriggers all = shipped();
    for (String phrase : shipped().phrases(EmergencyTriggers.Kind.CRISIS)) {
      assertEquals(EmergencyTriggers.Kind.CRISIS, all.detect(EXAMPLES.get(phrase)).kind(), phrase);
    }
    assertEquals(EmergencyTriggers.Kind.CRISIS, all.detect("chest pain and I want to die").kind());
    assertEquals(
        EmergencyTriggers.Kind.EMERGENCY,
        all.detect("chest pain and shortness of breath right now").kind());
  }

  @Test
  void nonUrgentLookAlikesAreNotEmergencies() throws Exception {
    EmergencyTriggers all = shipped();
    List<String> lookAlikes =
        List.of(
            "chest lift",
            "chest lift recovery",
            "breathing exercises",
            "breathing exercises after surgery",
            "bleeding gums",
            "bleeding gums after teeth whitening",
            "what is a heart attack",
            "What is Heart Attack?",
            "stroke risk factors",
            "What causes Stroke?",
            "hay fever and botox",
            "fever blister after lip filler",
            "bad breath",
            "no chest pain but tired after breast augmentation",
            "without shortness of breath",
            "a little bleeding after tummy tuck",
            "swollen lips after filler",
            "droopy eyelid after botox",
            "brow droop",
            "allergic reaction to tape",
            "chest fat removal",
            "heavy eyelids",
            "how long does swelling last after nose job",
            "tummy tuck recovery time",
            "can i get botox while pregnant",
            "numbness after surgery",
            "filler dissolving",
            "lipoma removal",
            "sculptra vs radiesse");
    for (String q : lookAlikes) {
      assertNull(all.detect(q), q + " matched " + all.detect(q));
    }
  }

  @Test
  void phrasesMatchWholeWordsInOrderIgnoringCaseAccentsAndApostrophes() throws Exception {
    EmergencyTriggers t = EmergencyTriggers.parse("cant breath*\nbleeding ... wont stop");
    assertNotNull(t.detect("I CAN’T BREATHE!!"));
    assertNotNull(t.detect("can't  breathing"));
    assertNull(t.detect("breathe cant"));
    assertNull(t.detect("cantbreathe"));
    assertNotNull(t.detect("bleeding wont stop"));
    assertNotNull(t.detect("bleeding that really still won't stop"));
    assertNull(t.detect("bleeding it is a lot and it won't stop"), "more than three words between");
    assertNotNull(EmergencyTriggers.parse("hémorragie").detect("HEMORRAGIE"));
  }

  @Test
  void aBadFileNamesTheLineAndWhatIsWrong() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> EmergencyTriggers.parse("chest pain\n... alone"));
    assertTrue(e.getMessage().startsWith("line 2: "), e.getMessage());
    e = assertThrows(ConfigException.class, () -> EmergencyTriggers.parse("[urgent]\nchest pain"));
    assertTrue(e.getMessage().contains("unknown section"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> EmergencyTriggers.parse("b*\n"));
    assertTrue(e.getMessage().contains("three letters"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> EmergencyTriggers.parse("ble*ed"));
    assertTrue(e.getMessage().contains("'*'"), e.getMessage());
    e = assertThrows(ConfigException.class, () -> EmergencyTriggers.parse("chest ..."));
    assertTrue(e.getMessage().contains("between two words"), e.getMessage());
  }

  @Test
  void anEmptyFileMeansNoEmergencies() throws Exception {
    assertNull(EmergencyTriggers.parse("# nothing\n\n").detect("chest pain"));
    assertNull(shipped().detect(""));
    assertNull(shipped().detect(null));
  }

  @Test
  void theFirstPhraseOfTheFileThatMatchesIsReportedWhereverItStandsInTheQuery() throws Exception {
    EmergencyTriggers t =
        EmergencyTriggers.parse(
            "chest pain\npain ... breath*\nbleed*\n[crisis]\nkill* myself\nwant to die\n");
    assertEquals("chest pain", t.detect("pain and breathing trouble, then chest pain").trigger());
    assertEquals("pain ... breath*", t.detect("pain and breathing trouble").trigger());
    assertEquals("bleed*", t.detect("no chest pain but bleeding").trigger());
    assertEquals(
        "kill* myself",
        t.detect("I want to die, I will kill myself, chest pain and bleeding").trigger());
    assertEquals(EmergencyTriggers.Kind.CRISIS, t.detect("bleeding and want to die").kind());
    assertNull(t.detect("no bleeding, not chest pain"));
  }
}
