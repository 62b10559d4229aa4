/** Well-formed synthetic identifiers: 18-digit resident id numbers (GB 11643 check digit) and mobile numbers. */
import { civilFromDays } from "./calendar.ts";
import type { SeededRandom } from "./seeded-random.ts";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = "10X98765432";

/** The GB 11643 check character for the first 17 digits of a resident id number. */
export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * WEIGHTS[index];
  return CHECK_CHARACTERS[sum % 11];
}

/** True when a text is an 18-character resident id number with a valid check character. */
export function isValidIdNumber(text: string): boolean {
  return /^\d{17}[\dX]$/.test(text) && idCheckCharacter(text.slice(0, 17)) === text[17];
}

/**
 * A resident id number: 6-digit area code, birth date, a 3-digit sequence whose last digit is odd for men
 * and even for women, and the check character.
 */
export function residentIdNumber(random: SeededRandom, areaCode: string, birthDay: number, gender: "M" | "F"): string {
  const [year, month, day] = civilFromDays(birthDay);
  const order = random.integer(0, 49) * 2 + (gender === "M" ? 1 : 0);
  const sequence = `${random.integer(0, 9)}${String(order).padStart(2, "0")}`;
  const first17 = `${areaCode}${year}${String(month).padStart(2, "0")}${String(day).padStart(2, "0")}${sequence}`;
  return first17 + idCheckCharacter(first17);
}

// Mobile prefixes in use by the three carriers (the third digit after "1").
const MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155", "156", "157", "158", "159", "166", "173", "176", "177", "180", "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"];

/** An 11-digit mainland mobile number (1[3-9] followed by nine digits). */
export function mobilePhoneNumber(random: SeededRandom): string {
  return random.pick(MOBILE_PREFIXES) + String(random.integer(0, 99_999_999)).padStart(8, "0");
}
