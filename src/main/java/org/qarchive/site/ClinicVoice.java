package org.qarchive.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The clinic's own voice on every page, in the embeddable box and in the notices: who the clinic
 * is, how to reach it, its disclaimer and the emergency number patients are told to call. Read from
 * {@code clinic.properties} ({@link #parse}); a setting left empty is simply not shown.
 *
 * @param name the clinic's name ("Kane Plastic Surgery"); empty for none
 * @param phone the clinic's phone number as patients dial it; empty for none
 * @param contactUrl the clinic's contact page (http, https or mailto); empty for none
 * @param consultationUrl where a patient books a consultation or asks the doctor; empty for none
 * @param disclaimer the line under every answer page and in the box
 * @param emergencyNumber the number to call in an emergency (911, 112, 999, 000 ...)
 * @param emergencyMessage what the emergency notice says under its heading
 * @param crisisMessage what the notice adds when a search speaks of suicide or self-harm; empty for
 *     nothing
 */
public record ClinicVoice(
    String name,
    String phone,
    String contactUrl,
    String consultationUrl,
    String disclaimer,
    String emergencyNumber,
    String emergencyMessage,
    String crisisMessage) {

  /** The keys of {@code clinic.properties}, in the order the shipped file lists them. */
  public static final List<String> KEYS =
      List.of(
          "name",
          "phone",
          "contact_url",
          "consultation_url",
          "disclaimer",
          "emergency_number",
          "emergency_message",
          "crisis_message");

  static final String DEFAULT_DISCLAIMER =
      "Answers are general information, not medical advice. Every patient is different:"
          + " ask your own doctor about your case.";
  static final String DEFAULT_EMERGENCY_MESSAGE =
      "Chest pain, trouble breathing, signs of a stroke, a severe allergic reaction, heavy bleeding"
          + " or a high fever after surgery need care now, not an answer from this archive.";

  static final String DEFAULT_CRISIS_MESSAGE =
      "If you are thinking about suicide or harming yourself, call or text 988 (Suicide & Crisis"
          + " Lifeline), any time.";

  private static final int MAX_NAME = 120;
  private static final int MAX_TEXT = 600;
  private static final int MAX_URL = 500;
  private static final Pattern PHONE =
      Pattern.compile("[0-9+()./\\- ]{3,30}(\\s*(ext|x)\\.?\\s*\\d{1,6})?");
  private static final Pattern EMERGENCY_NUMBER = Pattern.compile("\\d{2,8}");
  private static final Pattern URL = Pattern.compile("(https?://[^\\s<>\"]+|mailto:[^\\s<>\"]+)");

  public ClinicVoice {
    name = clean(name);
    phone = clean(phone);
    contactUrl = clean(contactUrl);
    consultationUrl = clean(consultationUrl);
    disclaimer = clean(disclaimer).isEmpty() ? DEFAULT_DISCLAIMER : clean(disclaimer);
    emergencyNumber = clean(emergencyNumber).isEmpty() ? "911" : clean(emergencyNumber);
    emergencyMessage =
        clean(emergencyMessage).isEmpty() ? DEFAULT_EMERGENCY_MESSAGE : clean(emergencyMessage);
    crisisMessage = clean(crisisMessage);
  }

  /** The shipped defaults: no clinic details, the default disclaimer, 911, the US crisis line. */
  public static ClinicVoice defaults() {
    return new ClinicVoice("", "", "", "", "", "911", "", DEFAULT_CRISIS_MESSAGE);
  }

  private static String clean(String s) {
    return Objects.requireNonNullElse(s, "").strip();
  }

  /** Whether a phone number is set. */
  public boolean hasPhone() {
    return !phone.isEmpty();
  }

  /** The phone number as a {@code tel:} link target: digits and a leading plus only. */
  public String phoneHref() {
    return telHref(phone);
  }

  /** The emergency number as a {@code tel:} link target. */
  public String emergencyHref() {
    return telHref(emergencyNumber);
  }

  private static String telHref(String number) {
    String cut = number.split("(?i)\\s*(ext|x)\\.?\\s*\\d")[0];
    String digits = cut.replaceAll("[^0-9+]", "");
    return "tel:"
        + (digits.startsWith("+")
            ? "+" + digits.substring(1).replace("+", "")
            : digits.replace("+", ""));
  }

  /** The clinic's name, or {@code fallback} when none is set. */
  public String nameOr(String fallback) {
    return name.isEmpty() ? fallback : name;
  }

  /**
   * Reads {@code clinic.properties}: {@code key = value} lines, {@code #} comments, every key at
   * most once, unknown keys refused (a misspelt key would otherwise be silently ignored). A key
   * left out keeps its shipped default; {@code crisis_message} set empty shows nothing.
   *
   * @throws ConfigException naming the line and what is wrong with it
   */
  public static ClinicVoice parse(String text) throws ConfigException {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (i == 0 && line.startsWith("\uFEFF")) {
        line = line.substring(1).strip();
      }
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      int eq = firstSeparator(line);
      if (eq < 0) {
        throw new ConfigException(
            "line " + (i + 1) + ": expected 'key = value', found: " + cut(line));
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(eq + 1).strip();
      if (!KEYS.contains(key)) {
        throw new ConfigException(
            "line "
                + (i + 1)
                + ": unknown setting '"
                + cut(key)
                + "' (known: "
                + String.join(", ", KEYS)
                + ")");
      }
      if (values.put(key, value) != null) {
        throw new ConfigException("line " + (i + 1) + ": '" + key + "' is set twice");
      }
      check(key, value, i + 1);
    }
    return new ClinicVoice(
        values.get("name"),
        values.get("phone"),
        values.get("contact_url"),
        values.get("consultation_url"),
        values.get("disclaimer"),
        values.get("emergency_number"),
        values.get("emergency_message"),
        values.getOrDefault("crisis_message", DEFAULT_CRISIS_MESSAGE));
  }

  private static int firstSeparator(String line) {
    int eq = line.indexOf('=');
    int colon = line.indexOf(':');
    if (eq < 0) {
      return colon;
    }
    return colon < 0 ? eq : Math.min(eq, colon);
  }

  private static void check(String key, String value, int line) throws ConfigException {
    String where = "line " + line + ": " + key + " ";
    if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
      throw new ConfigException(where + "holds a control character");
    }
    switch (key) {
      case "name" -> {
        if (value.length() > MAX_NAME) {
          throw new ConfigException(where + "is longer than " + MAX_NAME + " characters");
        }
      }
      case "phone" -> {
        if (!value.isEmpty()
            && (!PHONE.matcher(value).matches()
                || value.chars().filter(Character::isDigit).count() < 3)) {
          throw new ConfigException(
              where
                  + "must be a phone number such as (410) 555-0100 or +44 20 7946 0000, found: "
                  + cut(value));
        }
      }
      case "contact_url", "consultation_url" -> {
        if (!value.isEmpty() && (value.length() > MAX_URL || !URL.matcher(value).matches())) {
          throw new ConfigException(
              where + "must be an http://, https:// or mailto: address, found: " + cut(value));
        }
      }
      case "emergency_number" -> {
        if (!EMERGENCY_NUMBER.matcher(value).matches()) {
          throw new ConfigException(
              where
                  + "must be the digits patients dial (911, 112, 999, 000), found: "
                  + cut(value));
        }
      }
      default -> {
        if (value.length() > MAX_TEXT) {
          throw new ConfigException(where + "is longer than " + MAX_TEXT + " characters");
        }
      }
    }
  }

  private static String cut(String s) {
    return s.length() <= 60 ? s : s.substring(0, 59) + "…";
  }
}
