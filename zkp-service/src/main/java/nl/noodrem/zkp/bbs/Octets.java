package nl.noodrem.zkp.bbs;

import java.io.ByteArrayOutputStream;

/** I2OSP and a small builder for the draft's serialize(...) of mixed points, scalars and integers. */
final class Octets {

  private Octets() {}

  /** I2OSP(value, length) for a non-negative value that fits. */
  static byte[] i2osp(long value, int length) {
    if (value < 0 || (length < 8 && value >= (1L << (8 * length)))) {
      throw new IllegalArgumentException("value does not fit in " + length + " octets");
    }
    byte[] out = new byte[length];
    for (int i = length - 1; i >= 0 && value != 0; i--) {
      out[i] = (byte) value;
      value >>>= 8;
    }
    return out;
  }

  /** serialize(input_array) of the draft, section 4.7.1, built element by element. */
  static final class Builder {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Builder integer(long value) {
      out.writeBytes(i2osp(value, 8));
      return this;
    }

    Builder scalar(BbsScalar scalar) {
      out.writeBytes(scalar.toBytes());
      return this;
    }

    Builder raw(byte[] octets) {
      out.writeBytes(octets);
      return this;
    }

    /** I2OSP(length(octets), 8) || octets, as used for header and presentation header. */
    Builder lengthPrefixed(byte[] octets) {
      return integer(octets.length).raw(octets);
    }

    byte[] build() {
      return out.toByteArray();
    }
  }
}
