import { describe, expect, it } from "vitest";
import { COMMON_PASSWORDS } from "./common-passwords";
import { changePasswordInput, passwordSchema, resetPasswordInput } from "./password-inputs";
import { PASSWORD_MESSAGES, checkPassword, passwordLength } from "./password-policy";

const who = { email: "sam.lindqvist@clinic.example", name: "Sam Lindqvist" };

describe("password policy (NIST SP 800-63B)", () => {
  it.each([
    ["correct zebra lantern moss", "a passphrase with spaces"],
    ["Tr0ub4dor&3-horse", "mixed characters"],
    ["glass otter umbrella", "lower case only: no composition rules"],
    ["ñandú café crème 🦙", "accents and emoji"],
    ["my dog rex likes ham", "short words in a phrase"],
  ])("accepts %j (%s)", (password) => {
    expect(checkPassword(password, who)).toEqual([]);
    expect(passwordSchema.safeParse(password).success).toBe(true);
  });

  it("counts code points: 11 emoji are too short, 12 are long enough", () => {
    expect(passwordLength("🦙".repeat(11))).toBe(11);
    expect(checkPassword("🦙🐢🦊🐙🦉🐝🦋🐌🐞🦀🐬", who)).toEqual([PASSWORD_MESSAGES.tooShort(11)]);
    expect(checkPassword("🦙🐢🦊🐙🦉🐝🦋🐌🐞🦀🐬🦒", who)).toEqual([]);
  });

  it("refuses fewer than 12 and more than 128 characters, saying how many", () => {
    expect(checkPassword("short words", who)).toEqual([PASSWORD_MESSAGES.tooShort(11)]);
    expect(PASSWORD_MESSAGES.tooShort(11)).toContain("at least 12");
    expect(checkPassword(`${"x y z ".repeat(22)}ab`, who)).toEqual([PASSWORD_MESSAGES.tooLong]);
    expect(checkPassword(`${"plum tree ".repeat(12)}plum tre`, who)).toEqual([]); // exactly 128
    expect(passwordLength(`${"plum tree ".repeat(12)}plum tre`)).toBe(128);
  });

  it.each([
    "password1234",
    "Password1234!",
    "P@ssw0rd2024!",
    "qwertyuiop12",
    "123456789012",
    "iloveyou1234",
    "ILoveYou!!!!2024",
    "concord12345",
    "Concord2026!!",
    "concordconcord",
    "passwordpassword",
    "correct horse battery staple",
    "1q2w3e4r5t6y",
    "1qaz2wsx3edc",
    "2024!2024!2024!",
    "sunshine12345",
    "changeme1234",
  ])("refuses the common password %j", (password) => {
    const problems = checkPassword(password, who);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => p === PASSWORD_MESSAGES.common || p === PASSWORD_MESSAGES.pattern)).toBe(true);
    expect(passwordSchema.safeParse(password).success).toBe(false);
  });

  it.each(["aaaaaaaaaaaa", "            ", "abcdefghijklm", "zyxwvutsrqpo", "098765432109", "abcabcabcabc", "qwertyuiopasdf", "asdfghjklasdfghjkl", "!@#$%^&*()_+"])(
    "refuses the pattern %j",
    (password) => {
      expect(checkPassword(password, who)).toEqual([PASSWORD_MESSAGES.pattern]);
    },
  );

  it("refuses the email's local part anywhere in the password, whatever the case", () => {
    expect(checkPassword("my name is SAM.LINDQVIST ok", who)).toEqual([PASSWORD_MESSAGES.email]);
    expect(checkPassword("tea with sam.lindqvist", { email: "Sam.Lindqvist@Clinic.example" })).toEqual([PASSWORD_MESSAGES.email]);
    // The same password is fine for someone else.
    expect(checkPassword("my name is SAM.LINDQVIST ok", { email: "jo@clinic.example" })).toEqual([]);
  });

  it("ignores a local part shorter than 3 characters", () => {
    expect(checkPassword("jo walks the long road", { email: "jo@clinic.example" })).toEqual([]);
    expect(checkPassword("abe walks the long road", { email: "abe@clinic.example" })).toEqual([PASSWORD_MESSAGES.email]);
  });

  it("refuses the person's own name, padded or not, but not a phrase that mentions it", () => {
    expect(checkPassword("Lindqvist2024!!", { email: "s@clinic.example", name: "Sam Lindqvist" })).toEqual([PASSWORD_MESSAGES.name]);
    expect(checkPassword("samlindqvist1", { email: "s@clinic.example", name: "Sam Lindqvist" })).toEqual([PASSWORD_MESSAGES.name]);
    expect(checkPassword("lindqvist walks in the rain", { email: "s@clinic.example", name: "Sam Lindqvist" })).toEqual([]);
  });

  it("lists every problem at once", () => {
    expect(checkPassword("sam.lindqvist1234", { email: "sam.lindqvist@x.example" })).toEqual([PASSWORD_MESSAGES.email]);
    expect(checkPassword("concordconcord", { email: "concord@x.example" })).toEqual([PASSWORD_MESSAGES.common, PASSWORD_MESSAGES.email]);
  });

  it("ships a list of common passwords that includes the product's name", () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(500);
    expect(COMMON_PASSWORDS.has("concord")).toBe(true);
    expect(COMMON_PASSWORDS.has("password")).toBe(true);
    for (const word of COMMON_PASSWORDS) expect(word).toBe(word.toLowerCase());
  });

  it("validates procedure inputs with the same rules", () => {
    const reset = resetPasswordInput.safeParse({ token: "t", password: "password1234" });
    expect(reset.success).toBe(false);
    expect(reset.error?.issues[0]?.message).toBe(PASSWORD_MESSAGES.common);
    expect(changePasswordInput.safeParse({ currentPassword: "", newPassword: "glass otter umbrella" }).success).toBe(false);
    expect(changePasswordInput.safeParse({ currentPassword: "old", newPassword: "glass otter umbrella" }).success).toBe(true);
  });
});
