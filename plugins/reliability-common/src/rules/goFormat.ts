/**
 * Number and string formatting exactly as Go prints them, because Sloth renders its rules with Go's
 * `fmt` and `strconv`: `vector(0.9990000000000001)` and `(14.4 * 0.0009999999999999432)` must come
 * out byte for byte the same for the generated rules to equal Sloth's.
 */

/** The shortest round-trip digits of a finite, non-zero number and its decimal exponent. */
function shortestDigits(value: number): { digits: string; exponent: number } {
  // JavaScript and Go both pick the shortest digit string that reads back as the same double, so
  // `toExponential()` without an argument yields exactly the digits Go's shortest formatting uses.
  const [mantissa, exponent] = Math.abs(value).toExponential().split('e');
  return { digits: mantissa.replace('.', ''), exponent: Number(exponent) };
}

function special(value: number): string | undefined {
  if (Number.isNaN(value)) {
    return 'NaN';
  }
  if (value === Infinity) {
    return '+Inf';
  }
  if (value === -Infinity) {
    return '-Inf';
  }
  if (value === 0) {
    return Object.is(value, -0) ? '-0' : '0';
  }
  return undefined;
}

function fixed(digits: string, exponent: number): string {
  // Digits d1 d2 … with the decimal point after position exponent + 1.
  const pointAt = exponent + 1;
  if (pointAt <= 0) {
    return `0.${'0'.repeat(-pointAt)}${digits}`;
  }
  if (pointAt >= digits.length) {
    return digits + '0'.repeat(pointAt - digits.length);
  }
  return `${digits.slice(0, pointAt)}.${digits.slice(pointAt)}`;
}

/**
 * Formats a float64 as Go's `%g` and `%v` do (`strconv.FormatFloat(v, 'g', -1, 64)`): shortest
 * digits, exponent form when the exponent is below -4 or at least 6, with a signed two-digit
 * exponent (`1e-05`, `1.5e+06`).
 *
 * @public
 */
export function formatGoFloat(value: number): string {
  const text = special(value);
  if (text !== undefined) {
    return text;
  }
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(value);
  if (exponent < -4 || exponent >= 6) {
    const mantissa =
      digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    const expDigits = String(Math.abs(exponent)).padStart(2, '0');
    return `${sign}${mantissa}e${expSign}${expDigits}`;
  }
  return sign + fixed(digits, exponent);
}

/**
 * Formats a float64 as Go's `strconv.FormatFloat(v, 'f', -1, 64)`: shortest digits, never an
 * exponent (`99.9`, `0.00001`).
 *
 * @public
 */
export function formatGoFloatDecimal(value: number): string {
  const text = special(value);
  if (text !== undefined) {
    return text;
  }
  const sign = value < 0 ? '-' : '';
  const { digits, exponent } = shortestDigits(value);
  return sign + fixed(digits, exponent);
}

const ESCAPES: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '\\': '\\\\',
  '"': '\\"',
};

/**
 * Quotes a string as Go's `strconv.Quote`, which Prometheus uses for label values in selectors:
 * printable characters stay as they are, control characters become escapes.
 *
 * @public
 */
export function quoteGoString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (ESCAPES[char]) {
      out += ESCAPES[char];
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      // A lone surrogate is invalid UTF-8; Go writes the replacement character's escape.
      out += '\\ufffd';
    } else if (code >= 0x80 && code <= 0x9f) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += char;
    }
  }
  return `${out}"`;
}
