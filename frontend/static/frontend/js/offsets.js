// The one place where the browser's UTF-16 code units become the server's code points.
// Offsets on the server are Unicode code points, half-open [start, end); JavaScript strings,
// DOM ranges and selections count UTF-16 code units (an emoji outside the BMP is 2 units).

/** Precomputed two-way map between UTF-16 indices and code-point indices of one text. */
export class OffsetMap {
  /** @param {string} text */
  constructor(text) {
    this.text = text;
    const unitToPoint = new Uint32Array(text.length + 1);
    const pointToUnit = [];
    let point = 0;
    for (let unit = 0; unit < text.length; unit++) {
      unitToPoint[unit] = point;
      const code = text.charCodeAt(unit);
      const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
      const next = unit + 1 < text.length ? text.charCodeAt(unit + 1) : 0;
      pointToUnit.push(unit);
      if (isHighSurrogate && next >= 0xdc00 && next <= 0xdfff) {
        unit += 1;
        unitToPoint[unit] = point; // the low half maps to the same character
      }
      point += 1;
    }
    unitToPoint[text.length] = point;
    pointToUnit.push(text.length);
    this.unitToPoint = unitToPoint;
    this.pointToUnit = Uint32Array.from(pointToUnit);
    this.length = point;
  }

  /** Code-point index of a UTF-16 index; an index inside a surrogate pair is an error. */
  toCodePoint(unitIndex) {
    if (!Number.isInteger(unitIndex) || unitIndex < 0 || unitIndex > this.text.length) {
      throw new RangeError(`UTF-16 index ${unitIndex} is outside the text`);
    }
    const point = this.unitToPoint[unitIndex];
    if (this.pointToUnit[point] !== unitIndex) {
      throw new RangeError(`UTF-16 index ${unitIndex} falls inside a surrogate pair`);
    }
    return point;
  }

  /** UTF-16 index of a code-point index. */
  toUtf16(pointIndex) {
    if (!Number.isInteger(pointIndex) || pointIndex < 0 || pointIndex > this.length) {
      throw new RangeError(`code-point index ${pointIndex} is outside the text`);
    }
    return this.pointToUnit[pointIndex];
  }
}

/** Convenience for one-off conversions. */
export function utf16ToCodePoint(text, unitIndex) {
  return new OffsetMap(text).toCodePoint(unitIndex);
}

export function codePointToUtf16(text, pointIndex) {
  return new OffsetMap(text).toUtf16(pointIndex);
}
