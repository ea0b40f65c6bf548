package nl.noodrem.zkp.bbs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.InvalidSignatureException;
import nl.noodrem.zkp.MalformedInputException;
import supranational.blst.P1;
import supranational.blst.P1_Affine;

/**
 * The BBS signature scheme of draft-irtf-cfrg-bbs-signatures-10: Sign, Verify, ProofGen and ProofVerify over
 * message scalars (the draft's Core operations with generators from create_generators(L + 1, api_id)).
 *
 * <p>The draft's octet-string interface (messages mapped with MapMessageToScalarAsHash) is these operations applied
 * to {@link BbsCiphersuite#messagesToScalars(List)}; the credential layer instead maps some attributes to integer
 * scalars directly, which the Core operations allow.
 *
 * <p><b>Guarantees.</b> Secret-dependent group operations (signing key, blinding factors, hidden messages) use
 * blst's constant-time scalar multiplication; only ProofVerify, whose inputs are all public, uses variable-time
 * multi-scalar multiplication. Every decoded point is checked to be canonical, on the curve, in the prime-order
 * subgroup and not the identity; every decoded signature or proof scalar to be non-zero and below r. Proofs are
 * unlinkable: each call to ProofGen draws fresh randomness.
 *
 * <p><b>Failures.</b> Undecodable input throws {@link MalformedInputException}; a well-formed but wrong signature
 * or proof throws {@link InvalidSignatureException} or {@link InvalidProofException}. Nothing else is thrown for
 * bad input. A {@code null} header or presentation header means the empty string, as in the draft.
 */
public final class Bbs {

  /** Octet length of a signature: A (48) || e (32). */
  public static final int SIGNATURE_LENGTH = Curve.G1_LENGTH + BbsScalar.LENGTH;
  /** Octet length of a proof without undisclosed messages; each undisclosed message adds 32. */
  public static final int PROOF_BASE_LENGTH = 3 * Curve.G1_LENGTH + 4 * BbsScalar.LENGTH;

  /**
   * The most messages a signature or proof may cover. The draft sets no limit, but every message count needs its
   * generators, each a hash to the curve plus a cached table; without a bound a sender could make a verifier
   * derive and keep generators for any count a long proof implies. Our credentials have 11 attributes.
   */
  public static final int MAX_MESSAGES = 128;
  /** Octet length of the longest proof accepted: one with {@link #MAX_MESSAGES} undisclosed messages. */
  public static final int MAX_PROOF_LENGTH = PROOF_BASE_LENGTH + MAX_MESSAGES * BbsScalar.LENGTH;

  private static final int DYNAMIC_WINDOW = 5;

  private Bbs() {}

  // ---- Sign / Verify ----------------------------------------------------------------------------------------

  /**
   * Sign (CoreSign): a deterministic signature over the header and the message scalars.
   *
   * @return the 80-octet signature (A, e)
   */
  public static byte[] sign(BbsCiphersuite suite, BbsSecretKey sk, byte[] header, List<BbsScalar> messages) {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(sk, "sk");
    List<BbsScalar> msgs = List.copyOf(messages);
    if (msgs.size() > MAX_MESSAGES) {
      throw new IllegalArgumentException("at most " + MAX_MESSAGES + " messages");
    }
    Generators generators = suite.generators(msgs.size() + 1);
    BbsScalar domain = calculateDomain(suite, sk.publicKey(), generators, msgs.size(), orEmpty(header));
    Octets.Builder eInput = new Octets.Builder().scalar(sk.scalar());
    for (BbsScalar msg : msgs) {
      eInput.scalar(msg);
    }
    BbsScalar e = suite.hashToScalar(eInput.scalar(domain).build(), suite.hashToScalarDst());
    P1 b = calculateB(suite, generators, domain, msgs);
    P1 a = b.mult(sk.scalar().add(e).inverse().toBlst());
    if (a.is_inf()) {
      // SK + e = 0 mod r: probability about 2^-255, but the draft says the result must not be returned.
      throw new IllegalStateException("signature would be the identity point");
    }
    return new Octets.Builder().raw(Curve.encode(a)).scalar(e).build();
  }

  /**
   * Verify (CoreVerify).
   *
   * @throws MalformedInputException if the signature cannot be decoded
   * @throws InvalidSignatureException if it does not verify for this key, header and messages
   */
  public static void verify(
      BbsCiphersuite suite, BbsPublicKey pk, byte[] signature, byte[] header, List<BbsScalar> messages)
      throws MalformedInputException, InvalidSignatureException {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(pk, "pk");
    Signature sig = decodeSignature(signature);
    List<BbsScalar> msgs = List.copyOf(messages);
    checkMessageCount(msgs.size());
    Generators generators = suite.generators(msgs.size() + 1);
    BbsScalar domain = calculateDomain(suite, pk, generators, msgs.size(), orEmpty(header));
    // h(A, W + BP2 * e) * h(B, -BP2) == 1  <=>  e(A, W) == e(B - e * A, BP2): a G1 instead of a G2 multiplication.
    // Messages may be the holder's private data, so this uses the constant-time path.
    P1 c = calculateB(suite, generators, domain, msgs).add(Curve.multiply(sig.a(), sig.e().negate()));
    if (c.is_inf() || !Curve.pairingsEqual(sig.a(), pk.point(), c.to_affine(), Curve.bp2())) {
      throw new InvalidSignatureException("signature does not verify");
    }
  }

  // ---- ProofGen / ProofVerify -------------------------------------------------------------------------------

  /**
   * ProofGen (CoreProofGen): a zero-knowledge proof of knowledge of the signature that discloses only the messages
   * at {@code disclosedIndexes} (0-based, strictly ascending) and is bound to the presentation header.
   *
   * <p>Does not check the signature (as in the draft): a proof made from an invalid signature will not verify.
   *
   * @throws MalformedInputException if the signature cannot be decoded or the indexes are out of range or not
   *     strictly ascending
   */
  public static byte[] proofGen(
      BbsCiphersuite suite,
      BbsPublicKey pk,
      byte[] signature,
      byte[] header,
      byte[] presentationHeader,
      List<BbsScalar> messages,
      int[] disclosedIndexes)
      throws MalformedInputException {
    return proofGen(suite, pk, signature, header, presentationHeader, messages, disclosedIndexes,
        RandomScalars.secure()).proof();
  }

  /** ProofGen with an explicit randomness source (the conformance tests use the draft's seeded mock). */
  static ProofGenResult proofGen(
      BbsCiphersuite suite,
      BbsPublicKey pk,
      byte[] signature,
      byte[] header,
      byte[] presentationHeader,
      List<BbsScalar> messages,
      int[] disclosedIndexes,
      RandomScalars random)
      throws MalformedInputException {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(pk, "pk");
    Signature sig = decodeSignature(signature);
    List<BbsScalar> msgs = List.copyOf(messages);
    int l = msgs.size();
    checkMessageCount(l);
    int[] disclosed = checkIndexes(disclosedIndexes, l);
    int[] undisclosed = complement(disclosed, l);
    int u = undisclosed.length;

    BbsScalar[] randomScalars = random.next(suite, 5 + u);
    BbsScalar r1 = randomScalars[0];
    BbsScalar r2 = randomScalars[1];
    BbsScalar eTilde = randomScalars[2];
    BbsScalar r1Tilde = randomScalars[3];
    BbsScalar r3Tilde = randomScalars[4];

    // ProofInit
    Generators generators = suite.generators(l + 1);
    BbsScalar domain = calculateDomain(suite, pk, generators, l, orEmpty(header));
    P1 b = calculateB(suite, generators, domain, msgs);
    P1 d = Curve.multiply(b, r2);
    P1 abar = Curve.multiply(sig.a(), r1.multiply(r2));
    P1 bbar = Curve.multiply(d, r1).add(Curve.multiply(abar, sig.e().negate()));
    P1 t1 = Curve.multiply(abar, eTilde).add(Curve.multiply(d, r1Tilde));
    P1_Affine[] t2Points = new P1_Affine[u];
    BbsScalar[] t2Scalars = new BbsScalar[u];
    for (int k = 0; k < u; k++) {
      t2Points[k] = generators.h(undisclosed[k]);
      t2Scalars[k] = randomScalars[5 + k];
    }
    P1 t2 = Curve.multiply(d, r3Tilde).add(Msm.constantTime(t2Points, t2Scalars));
    ProofInitResult init = new ProofInitResult(
        Curve.encode(abar), Curve.encode(bbar), Curve.encode(d), Curve.encode(t1), Curve.encode(t2), domain);

    List<BbsScalar> disclosedMessages = new ArrayList<>(disclosed.length);
    for (int index : disclosed) {
      disclosedMessages.add(msgs.get(index));
    }
    BbsScalar challenge = challenge(suite, init, disclosed, disclosedMessages, orEmpty(presentationHeader));

    // ProofFinalize
    BbsScalar r3 = r2.inverse();
    BbsScalar eHat = eTilde.add(sig.e().multiply(challenge));
    BbsScalar r1Hat = r1Tilde.subtract(r1.multiply(challenge));
    BbsScalar r3Hat = r3Tilde.subtract(r3.multiply(challenge));
    Octets.Builder proof = new Octets.Builder()
        .raw(init.abar()).raw(init.bbar()).raw(init.d())
        .scalar(eHat).scalar(r1Hat).scalar(r3Hat);
    for (int k = 0; k < u; k++) {
      proof.scalar(randomScalars[5 + k].add(msgs.get(undisclosed[k]).multiply(challenge)));
    }
    proof.scalar(challenge);
    return new ProofGenResult(proof.build(), init, challenge);
  }

  /**
   * ProofVerify (CoreProofVerify).
   *
   * @param disclosedMessages the disclosed message scalars, in the order of {@code disclosedIndexes}
   * @param disclosedIndexes 0-based, strictly ascending indexes of the disclosed messages
   * @throws MalformedInputException if the proof or public key cannot be decoded, or the indexes do not fit
   * @throws InvalidProofException if the proof does not verify
   */
  public static void proofVerify(
      BbsCiphersuite suite,
      BbsPublicKey pk,
      byte[] proof,
      byte[] header,
      byte[] presentationHeader,
      List<BbsScalar> disclosedMessages,
      int[] disclosedIndexes)
      throws MalformedInputException, InvalidProofException {
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(pk, "pk");
    // Bound the work a sender can ask for before decoding anything: the message count the proof implies.
    checkMessageCount(undisclosedCount(proof) + (disclosedIndexes == null ? 0 : disclosedIndexes.length));
    Proof p = decodeProof(proof);
    List<BbsScalar> msgs = List.copyOf(disclosedMessages);
    ProofInitResult init = proofVerifyInit(suite, pk, p, header, msgs, disclosedIndexes);
    BbsScalar expected = challenge(suite, init, disclosedIndexes, msgs, orEmpty(presentationHeader));
    if (!expected.equals(p.challenge())) {
      throw new InvalidProofException("proof does not verify");
    }
    if (!Curve.pairingsEqual(p.abar(), pk.point(), p.bbar(), Curve.bp2())) {
      throw new InvalidProofException("proof does not verify");
    }
  }

  /**
   * The number of undisclosed messages a well-sized proof carries.
   *
   * @throws MalformedInputException if no proof has this length, or it is longer than {@link #MAX_PROOF_LENGTH}
   */
  public static int undisclosedCount(byte[] proof) throws MalformedInputException {
    if (proof == null || proof.length < PROOF_BASE_LENGTH || (proof.length - PROOF_BASE_LENGTH) % BbsScalar.LENGTH != 0) {
      throw new MalformedInputException("proof has an impossible length");
    }
    if (proof.length > MAX_PROOF_LENGTH) {
      throw new MalformedInputException("proof covers more than " + MAX_MESSAGES + " messages");
    }
    return (proof.length - PROOF_BASE_LENGTH) / BbsScalar.LENGTH;
  }

  private static void checkMessageCount(int l) throws MalformedInputException {
    if (l > MAX_MESSAGES) {
      throw new MalformedInputException("more than " + MAX_MESSAGES + " messages");
    }
  }

  /** ProofVerifyInit: recomputes (Abar, Bbar, D, T1, T2, domain) from the proof and the disclosed messages. */
  static ProofInitResult proofVerifyInit(
      BbsCiphersuite suite,
      BbsPublicKey pk,
      Proof p,
      byte[] header,
      List<BbsScalar> msgs,
      int[] disclosedIndexes)
      throws MalformedInputException {
    int u = p.commitments().length;
    int r = disclosedIndexes == null ? 0 : disclosedIndexes.length;
    int l = r + u;
    int[] disclosed = checkIndexes(disclosedIndexes, l);
    if (msgs.size() != r) {
      throw new MalformedInputException("number of disclosed messages differs from number of disclosed indexes");
    }
    int[] undisclosed = complement(disclosed, l);
    Generators generators = suite.generators(l + 1);
    BbsScalar domain = calculateDomain(suite, pk, generators, l, orEmpty(header));
    BbsScalar c = p.challenge();

    Msm.Table abarTable = Msm.Table.of(p.abar(), DYNAMIC_WINDOW);
    Msm.Table bbarTable = Msm.Table.of(p.bbar(), DYNAMIC_WINDOW);
    Msm.Table dTable = Msm.Table.of(p.d(), DYNAMIC_WINDOW);

    // T1 = Bbar * c + Abar * e^ + D * r1^
    P1 t1 = Msm.variableTime(
        new Msm.Table[] {bbarTable, abarTable, dTable}, new BbsScalar[] {c, p.eHat(), p.r1Hat()});

    // T2 = Bv * c + D * r3^ + sum H_j * m^_j, with Bv = P1 + Q_1 * domain + sum H_i * msg_i expanded into one sum
    List<Msm.Table> tables = new ArrayList<>(l + 3);
    List<BbsScalar> scalars = new ArrayList<>(l + 3);
    tables.add(suite.p1Table());
    scalars.add(c);
    tables.add(generators.q1Table());
    scalars.add(domain.multiply(c));
    for (int k = 0; k < r; k++) {
      tables.add(generators.hTable(disclosed[k]));
      scalars.add(msgs.get(k).multiply(c));
    }
    tables.add(dTable);
    scalars.add(p.r3Hat());
    for (int k = 0; k < u; k++) {
      tables.add(generators.hTable(undisclosed[k]));
      scalars.add(p.commitments()[k]);
    }
    P1 t2 = Msm.variableTime(tables.toArray(new Msm.Table[0]), scalars.toArray(new BbsScalar[0]));

    return new ProofInitResult(
        Curve.encode(p.abar()), Curve.encode(p.bbar()), Curve.encode(p.d()), Curve.encode(t1), Curve.encode(t2),
        domain);
  }

  // ---- shared steps -----------------------------------------------------------------------------------------

  /**
   * calculate_domain: hash_to_scalar(PK || serialize(L, Q_1, H_1..H_L) || api_id || I2OSP(len(header), 8) ||
   * header, api_id || "H2S_").
   */
  static BbsScalar calculateDomain(
      BbsCiphersuite suite, BbsPublicKey pk, Generators generators, int l, byte[] header) {
    Octets.Builder input = new Octets.Builder().raw(pk.octets()).integer(l).raw(generators.q1Compressed());
    for (int i = 0; i < l; i++) {
      input.raw(generators.hCompressed(i));
    }
    input.raw(suite.apiId()).lengthPrefixed(header);
    return suite.hashToScalar(input.build(), suite.hashToScalarDst());
  }

  /** B = P1 + Q_1 * domain + H_1 * msg_1 + ... + H_L * msg_L, constant time in the messages. */
  static P1 calculateB(BbsCiphersuite suite, Generators generators, BbsScalar domain, List<BbsScalar> messages) {
    int l = messages.size();
    P1_Affine[] points = new P1_Affine[l + 1];
    BbsScalar[] scalars = new BbsScalar[l + 1];
    points[0] = generators.q1();
    scalars[0] = domain;
    for (int i = 0; i < l; i++) {
      points[i + 1] = generators.h(i);
      scalars[i + 1] = messages.get(i);
    }
    return Msm.constantTime(points, scalars).add(suite.p1());
  }

  /**
   * ProofChallengeCalculate: hash_to_scalar(serialize(R, i1, msg_i1, ..., iR, msg_iR, Abar, Bbar, D, T1, T2,
   * domain) || I2OSP(len(ph), 8) || ph, api_id || "H2S_").
   *
   * @param disclosedMessages the R disclosed messages, in the order of the (validated) indexes
   */
  static BbsScalar challenge(
      BbsCiphersuite suite, ProofInitResult init, int[] disclosedIndexes, List<BbsScalar> disclosedMessages,
      byte[] ph) {
    int r = disclosedIndexes == null ? 0 : disclosedIndexes.length;
    Octets.Builder input = new Octets.Builder().integer(r);
    for (int k = 0; k < r; k++) {
      input.integer(disclosedIndexes[k]).scalar(disclosedMessages.get(k));
    }
    input.raw(init.abar()).raw(init.bbar()).raw(init.d()).raw(init.t1()).raw(init.t2()).scalar(init.domain());
    input.lengthPrefixed(ph);
    return suite.hashToScalar(input.build(), suite.hashToScalarDst());
  }

  // ---- decoding ---------------------------------------------------------------------------------------------

  /** octets_to_signature. */
  static Signature decodeSignature(byte[] signature) throws MalformedInputException {
    if (signature == null || signature.length != SIGNATURE_LENGTH) {
      throw new MalformedInputException("a signature is " + SIGNATURE_LENGTH + " octets");
    }
    P1_Affine a = Curve.decodeG1(signature, 0, "signature A");
    BbsScalar e = BbsScalar.fromCanonicalNonZeroBytes(signature, Curve.G1_LENGTH);
    return new Signature(a, e);
  }

  /** octets_to_proof. */
  static Proof decodeProof(byte[] proof) throws MalformedInputException {
    int u = undisclosedCount(proof);
    P1_Affine abar = Curve.decodeG1(proof, 0, "proof Abar");
    P1_Affine bbar = Curve.decodeG1(proof, Curve.G1_LENGTH, "proof Bbar");
    P1_Affine d = Curve.decodeG1(proof, 2 * Curve.G1_LENGTH, "proof D");
    int offset = 3 * Curve.G1_LENGTH;
    BbsScalar[] scalars = new BbsScalar[4 + u];
    for (int i = 0; i < scalars.length; i++) {
      scalars[i] = BbsScalar.fromCanonicalNonZeroBytes(proof, offset + i * BbsScalar.LENGTH);
    }
    BbsScalar[] commitments = new BbsScalar[u];
    System.arraycopy(scalars, 3, commitments, 0, u);
    return new Proof(abar, bbar, d, scalars[0], scalars[1], scalars[2], commitments, scalars[3 + u]);
  }

  /** Disclosed indexes must be strictly ascending and within [0, L). */
  private static int[] checkIndexes(int[] indexes, int l) throws MalformedInputException {
    int[] copy = indexes == null ? new int[0] : indexes.clone();
    if (copy.length > l) {
      throw new MalformedInputException("more disclosed indexes than messages");
    }
    int previous = -1;
    for (int index : copy) {
      if (index < 0 || index >= l) {
        throw new MalformedInputException("disclosed index out of range");
      }
      if (index <= previous) {
        throw new MalformedInputException("disclosed indexes must be strictly ascending");
      }
      previous = index;
    }
    return copy;
  }

  private static int[] complement(int[] disclosed, int l) {
    int[] out = new int[l - disclosed.length];
    int next = 0;
    int k = 0;
    for (int i = 0; i < l; i++) {
      if (next < disclosed.length && disclosed[next] == i) {
        next++;
      } else {
        out[k++] = i;
      }
    }
    return out;
  }

  private static byte[] orEmpty(byte[] octets) {
    return octets == null ? new byte[0] : octets;
  }

  record Signature(P1_Affine a, BbsScalar e) {}

  record Proof(
      P1_Affine abar,
      P1_Affine bbar,
      P1_Affine d,
      BbsScalar eHat,
      BbsScalar r1Hat,
      BbsScalar r3Hat,
      BbsScalar[] commitments,
      BbsScalar challenge) {}

  /** (Abar, Bbar, D, T1, T2) compressed, and the domain. */
  record ProofInitResult(byte[] abar, byte[] bbar, byte[] d, byte[] t1, byte[] t2, BbsScalar domain) {}

  record ProofGenResult(byte[] proof, ProofInitResult init, BbsScalar challenge) {}
}
