package dev.moviedb.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local stack's token issuer: an RSA key pair under {@code $MOVIEDB_HOME/issuer} (made on first
 * use, the private key readable by its owner only) and signed bearer tokens for a user, optionally
 * with the admin role. The services verify these tokens with the public key (quarkus-oidc's {@code
 * quarkus.oidc.public-key}); in production a real OIDC provider issues tokens instead and this
 * class is not involved.
 */
public final class LocalIssuer {

  /** The {@code iss} of every local token (the services are configured to expect it). */
  public static final String ISSUER = "moviedb-local";

  /** The {@code aud} every MovieDB service requires, from the local issuer or any other. */
  public static final String AUDIENCE = "moviedb";

  /** The longest a local token may live. */
  public static final Duration MAX_LIFETIME = Duration.ofDays(7);

  static final String PRIVATE_KEY_FILE = "private-key.pem";
  static final String PUBLIC_KEY_FILE = "public-key.pem";

  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private LocalIssuer(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  /** The issuer whose keys are in {@code dir}, making the key pair first if there is none. */
  public static LocalIssuer createOrLoad(Path dir) {
    try {
      Files.createDirectories(dir);
      restrict(dir, "rwx------");
      try (FileChannel lockFile =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = lockFile.lock()) {
        if (!Files.exists(dir.resolve(PRIVATE_KEY_FILE))
            || !Files.exists(dir.resolve(PUBLIC_KEY_FILE))) {
          create(dir);
        }
        return load(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make or read the local issuer's keys in " + dir, e);
    }
  }

  /** The issuer whose keys are in {@code dir}; they must exist. */
  public static LocalIssuer load(Path dir) {
    Path priv = dir.resolve(PRIVATE_KEY_FILE);
    Path pub = dir.resolve(PUBLIC_KEY_FILE);
    if (!Files.isRegularFile(priv) || !Files.isRegularFile(pub)) {
      throw new IllegalStateException(
          "no local issuer keys in " + dir + ": bin/moviedb up (or bin/moviedb token) makes them");
    }
    try {
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      PrivateKey privateKey =
          rsa.generatePrivate(new PKCS8EncodedKeySpec(pem(Files.readString(priv))));
      PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(pem(Files.readString(pub))));
      return new LocalIssuer(privateKey, publicKey);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the local issuer's keys in " + dir, e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "the local issuer's keys in " + dir + " are not an RSA key pair: delete the folder", e);
    }
  }

  /**
   * The public key as quarkus-oidc takes it ({@code quarkus.oidc.public-key}): the X.509
   * SubjectPublicKeyInfo, base64.
   */
  public String publicKeyBase64() {
    return Base64.getEncoder().encodeToString(publicKey.getEncoded());
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  /**
   * A signed bearer token whose subject is {@code userId}, for the MovieDB audience.
   *
   * @param admin whether the token carries the {@link Roles#ADMIN} role
   * @param lifetime how long it is valid, at most {@link #MAX_LIFETIME}
   */
  public String token(String userId, boolean admin, Duration lifetime) {
    UserIds.require(userId);
    if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
      throw new IllegalArgumentException(
          "a local token lives between 1 second and " + MAX_LIFETIME.toDays() + " days");
    }
    JwtClaims claims = new JwtClaims();
    claims.setIssuer(ISSUER);
    claims.setAudience(AUDIENCE);
    claims.setSubject(userId);
    claims.setClaim("preferred_username", userId);
    claims.setStringListClaim("groups", admin ? List.of(Roles.ADMIN) : List.of());
    claims.setIssuedAtToNow();
    claims.setNotBeforeMinutesInThePast(1);
    NumericDate expires = NumericDate.now();
    expires.addSeconds(lifetime.toSeconds());
    claims.setExpirationTime(expires);
    claims.setGeneratedJwtId();
    JsonWebSignature jws = new JsonWebSignature();
    jws.setPayload(claims.toJson());
    jws.setKey(privateKey);
    jws.setKeyIdHeaderValue(ISSUER);
    jws.setHeader("typ", "JWT");
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
    try {
      return jws.getCompactSerialization();
    } catch (JoseException e) {
      throw new IllegalStateException("cannot sign a local token: " + e.getMessage(), e);
    }
  }

  private static void create(Path dir) throws IOException {
    KeyPair pair;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      pair = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this JVM cannot make an RSA key pair", e);
    }
    write(dir, PUBLIC_KEY_FILE, "PUBLIC KEY", pair.getPublic().getEncoded());
    write(dir, PRIVATE_KEY_FILE, "PRIVATE KEY", pair.getPrivate().getEncoded());
  }

  private static void write(Path dir, String name, String kind, byte[] der) throws IOException {
    String text =
        "-----BEGIN "
            + kind
            + "-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der)
            + "\n-----END "
            + kind
            + "-----\n";
    Path temp = Files.createTempFile(dir, name, ".tmp");
    restrict(temp, "rw-------");
    Files.writeString(temp, text);
    try {
      Files.move(
          temp,
          dir.resolve(name),
          StandardCopyOption.ATOMIC_MOVE,
          StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static byte[] pem(String text) {
    return Base64.getMimeDecoder().decode(text.replaceAll("-----[A-Z ]+-----", "").strip());
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
