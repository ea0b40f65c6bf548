package nl.noodrem.zkp.credential;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import nl.noodrem.zkp.CredentialRejectedException;
import nl.noodrem.zkp.CredentialRejectedException.Reason;
import nl.noodrem.zkp.InvalidProofException;
import nl.noodrem.zkp.MalformedInputException;
import nl.noodrem.zkp.NonceStoreException;
import nl.noodrem.zkp.TrustUnavailableException;
import nl.noodrem.zkp.bbs.Bbs;
import nl.noodrem.zkp.bbs.BbsCiphersuite;
import nl.noodrem.zkp.bbs.BbsPublicKey;
import nl.noodrem.zkp.bbs.BbsScalar;
import nl.noodrem.zkp.trust.IssuerKeyDirectory;
import nl.noodrem.zkp.trust.IssuerKeyRecord;
import nl.noodrem.zkp.trust.RevocationStatusReader;
import nl.noodrem.zkp.trust.SchemaDirectory;
import nl.noodrem.zkp.trust.TrustLookupException;

/**
 * {@link PresentationVerifier} for one audience (this verifier's identifier, e.g. CJIB's), backed by the trust
 * directories (the chain) and a {@link NonceStore}. Build with {@link #builder}.
 *
 * <p>Checks run cheapest first (nonce, audience, time, schema, key), then the proof, then the optional status-list
 * look-up, and last the atomic single-use mark, so a rejected presentation never consumes the holder's nonce and
 * two concurrent submissions of one presentation are accepted at most once.
 */
public final class BbsPresentationVerifier implements PresentationVerifier {

  /** The attributes the revocation check reads. */
  public static final String STATUS_LIST_ID = "statusListId";
  public static final String STATUS_INDEX = "statusIndex";
  /** The date attribute the expiry check reads (inclusive: valid through that date). */
  public static final String VALID_UNTIL = "validUntil";

  private final String audience;
  private final IssuerKeyDirectory keys;
  private final SchemaDirectory schemas;
  private final KnownSchemas known;
  private final NonceStore nonces;
  private final Optional<RevocationStatusReader> revocation;
  private final Clock clock;
  private final SecureRandom random;
  private final Duration requestTtl;
  private final Duration maxClockSkew;
  private final Set<BbsCiphersuite> allowedSuites;
  private final boolean checkValidUntil;
  private final ZoneId zone;

  private BbsPresentationVerifier(Builder b) {
    this.audience = Objects.requireNonNull(b.audience, "audience");
    this.keys = Objects.requireNonNull(b.keys, "issuer key directory");
    this.schemas = Objects.requireNonNull(b.schemas, "schema directory");
    this.nonces = Objects.requireNonNull(b.nonces, "nonce store");
    this.known = b.known;
    this.revocation = Optional.ofNullable(b.revocation);
    this.clock = b.clock;
    this.random = b.random;
    this.requestTtl = b.requestTtl;
    this.maxClockSkew = b.maxClockSkew;
    this.allowedSuites = Set.copyOf(b.allowedSuites);
    this.checkValidUntil = b.checkValidUntil;
    this.zone = b.zone;
    if (audience.isBlank() || audience.getBytes(StandardCharsets.UTF_8).length > PresentationRequest.MAX_AUDIENCE_OCTETS) {
      throw new IllegalArgumentException("audience must be 1.." + PresentationRequest.MAX_AUDIENCE_OCTETS + " octets");
    }
  }

  public static Builder builder(String audience) {
    return new Builder(audience);
  }

  @Override
  public PresentationRequest createRequest(CredentialSchema schema, List<String> disclose)
      throws MalformedInputException, NonceStoreException {
    if (known.find(schema.ref()).isEmpty()) {
      throw new MalformedInputException("schema " + schema.id() + " v" + schema.version() + " is not known here");
    }
    for (String name : disclose) {
      if (schema.indexOf(name).isEmpty()) {
        throw new MalformedInputException("'" + name + "' is not an attribute of " + schema.id());
      }
    }
    if (revocation.isPresent()
        && schema.indexOf(STATUS_LIST_ID).isPresent()
        && !(disclose.contains(STATUS_LIST_ID) && disclose.contains(STATUS_INDEX))) {
      throw new MalformedInputException("revocation is checked, so the request must disclose "
          + STATUS_LIST_ID + " and " + STATUS_INDEX);
    }
    if (new HashSet<>(disclose).size() != disclose.size()) {
      throw new MalformedInputException("attributes to disclose must be distinct");
    }
    byte[] nonce = new byte[PresentationRequest.NONCE_LENGTH];
    random.nextBytes(nonce);
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    PresentationRequest request = new PresentationRequest(schema.ref(), disclose, nonce, audience, now,
        now.plus(requestTtl));
    nonces.remember(request);
    return request;
  }

  @Override
  public VerifiedPresentation verify(Presentation p)
      throws MalformedInputException, InvalidProofException, CredentialRejectedException,
          TrustUnavailableException, NonceStoreException {
    NonceStore.Entry entry = nonces.find(p.nonce()).orElseThrow(() ->
        new CredentialRejectedException(Reason.NONCE_UNKNOWN, "no request was issued with this nonce"));
    if (entry.usedAt().isPresent()) {
      throw new CredentialRejectedException(Reason.NONCE_REPLAYED, "this nonce was already used");
    }
    PresentationRequest request = entry.request();
    Instant now = clock.instant();

    if (!p.audience().equals(audience) || !request.audience().equals(audience)) {
      throw new CredentialRejectedException(Reason.AUDIENCE_MISMATCH, "presentation is for another audience");
    }
    if (!now.isBefore(request.expiresAt())) {
      throw new CredentialRejectedException(Reason.REQUEST_EXPIRED, "the request expired at " + request.expiresAt());
    }
    if (p.createdAt().isBefore(request.issuedAt().minus(maxClockSkew))
        || p.createdAt().isAfter(now.plus(maxClockSkew))) {
      throw new CredentialRejectedException(Reason.PRESENTATION_TIME_OUT_OF_WINDOW,
          "created outside the request's window");
    }
    if (!allowedSuites.contains(p.ciphersuite())) {
      throw new CredentialRejectedException(Reason.CIPHERSUITE_NOT_ALLOWED, p.ciphersuite().displayName());
    }
    if (!p.schema().equals(request.schema())) {
      throw new CredentialRejectedException(Reason.SCHEMA_MISMATCH, "presentation is for another schema");
    }
    if (!p.disclosed().keySet().equals(new HashSet<>(request.disclose()))) {
      throw new CredentialRejectedException(Reason.DISCLOSURE_MISMATCH,
          "disclosed " + p.disclosed().keySet() + ", requested " + request.disclose());
    }
    CredentialSchema schema = TrustChecks.schema(p.schema(), known, schemas);
    IssuerKeyRecord key = TrustChecks.usableKey(p.issuerKeyId(), keys, now);
    BbsPublicKey publicKey = TrustChecks.publicKey(key);

    List<BbsScalar> messages = new ArrayList<>();
    int[] indexes = new int[p.disclosed().size()];
    int k = 0;
    for (int i = 0; i < schema.attributes().size(); i++) {
      AttributeDefinition definition = schema.attributes().get(i);
      AttributeValue value = p.disclosed().get(definition.name());
      if (value != null) {
        messages.add(AttributeEncoding.encode(p.ciphersuite(), definition, value));
        indexes[k++] = i;
      }
    }
    if (Bbs.undisclosedCount(p.proof()) + indexes.length != schema.attributes().size()) {
      // Such a proof could not verify anyway (L is bound into the domain); say so before doing the work.
      throw new InvalidProofException("proof covers another number of attributes than the schema");
    }
    Bbs.proofVerify(p.ciphersuite(), publicKey, p.proof(),
        BbsHeaders.credentialHeader(p.schema(), p.issuerKeyId()),
        BbsHeaders.presentationHeader(p.nonce(), p.audience(), p.createdAt()),
        messages, indexes);

    VerifiedPresentation verified = new VerifiedPresentation(p.schema(), p.issuerKeyId(), key.issuerOin(),
        key.issuerName(), p.audience(), p.createdAt(), p.disclosed());
    checkRevocation(schema, verified);
    checkValidUntil(schema, verified, now);

    if (!nonces.markUsed(p.nonce(), now)) {
      throw new CredentialRejectedException(Reason.NONCE_REPLAYED, "this nonce was used concurrently");
    }
    return verified;
  }

  private void checkRevocation(CredentialSchema schema, VerifiedPresentation verified)
      throws CredentialRejectedException, TrustUnavailableException, MalformedInputException {
    if (revocation.isEmpty() || schema.indexOf(STATUS_LIST_ID).isEmpty()) {
      return;
    }
    if (!verified.disclosed().containsKey(STATUS_LIST_ID) || !verified.disclosed().containsKey(STATUS_INDEX)) {
      throw new CredentialRejectedException(Reason.DISCLOSURE_MISMATCH, "status list position not disclosed");
    }
    boolean revoked;
    try {
      revoked = revocation.get().isRevoked(verified.integer(STATUS_LIST_ID), verified.integer(STATUS_INDEX));
    } catch (TrustLookupException e) {
      throw new TrustUnavailableException("status list could not be read", e);
    }
    if (revoked) {
      throw new CredentialRejectedException(Reason.CREDENTIAL_REVOKED, "the issuer revoked this credential");
    }
  }

  private void checkValidUntil(CredentialSchema schema, VerifiedPresentation verified, Instant now)
      throws CredentialRejectedException, MalformedInputException {
    if (!checkValidUntil || !verified.disclosed().containsKey(VALID_UNTIL)
        || schema.attribute(VALID_UNTIL).map(a -> a.type() != AttributeType.DATE).orElse(true)) {
      return;
    }
    LocalDate today = LocalDate.ofInstant(now, zone);
    if (verified.date(VALID_UNTIL).isBefore(today)) {
      throw new CredentialRejectedException(Reason.CREDENTIAL_EXPIRED, "the credential's validUntil has passed");
    }
  }

  /** Configuration of a {@link BbsPresentationVerifier}; every setting has a safe default except the directories. */
  public static final class Builder {
    private final String audience;
    private IssuerKeyDirectory keys;
    private SchemaDirectory schemas;
    private NonceStore nonces;
    private KnownSchemas known = KnownSchemas.builtIn();
    private RevocationStatusReader revocation;
    private Clock clock = Clock.systemUTC();
    private SecureRandom random = new SecureRandom();
    private Duration requestTtl = Duration.ofMinutes(10);
    private Duration maxClockSkew = Duration.ofMinutes(2);
    private Set<BbsCiphersuite> allowedSuites = EnumSet.allOf(BbsCiphersuite.class);
    private boolean checkValidUntil = true;
    private ZoneId zone = ZoneId.of("Europe/Amsterdam");

    private Builder(String audience) {
      this.audience = audience;
    }

    public Builder issuerKeys(IssuerKeyDirectory keys) {
      this.keys = keys;
      return this;
    }

    public Builder schemas(SchemaDirectory schemas) {
      this.schemas = schemas;
      return this;
    }

    public Builder nonceStore(NonceStore nonces) {
      this.nonces = nonces;
      return this;
    }

    public Builder knownSchemas(KnownSchemas known) {
      this.known = Objects.requireNonNull(known);
      return this;
    }

    /** Enables the status-list check: requests must then disclose statusListId and statusIndex. */
    public Builder revocation(RevocationStatusReader revocation) {
      this.revocation = revocation;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public Builder random(SecureRandom random) {
      this.random = Objects.requireNonNull(random);
      return this;
    }

    public Builder requestTtl(Duration ttl) {
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(1)) > 0) {
        throw new IllegalArgumentException("request lifetime between 0 and 1 day");
      }
      this.requestTtl = ttl;
      return this;
    }

    public Builder maxClockSkew(Duration skew) {
      if (skew.isNegative() || skew.compareTo(Duration.ofMinutes(30)) > 0) {
        throw new IllegalArgumentException("clock skew between 0 and 30 minutes");
      }
      this.maxClockSkew = skew;
      return this;
    }

    public Builder allowedCiphersuites(Set<BbsCiphersuite> suites) {
      if (suites.isEmpty()) {
        throw new IllegalArgumentException("allow at least one ciphersuite");
      }
      this.allowedSuites = EnumSet.copyOf(suites);
      return this;
    }

    /** Whether to reject a disclosed {@code validUntil} before today (default: yes). */
    public Builder checkValidUntil(boolean check) {
      this.checkValidUntil = check;
      return this;
    }

    /** The time zone in which "today" is judged for {@code validUntil} (default Europe/Amsterdam). */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone);
      return this;
    }

    public BbsPresentationVerifier build() {
      return new BbsPresentationVerifier(this);
    }
  }
}
