package io.stowage.store.s3;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust managers for {@code caCert}: the JDK's default CAs plus the PEM certificates of the
 * BackupStorageLocation (its {@code caCertRef}), so an endpoint with a private CA works while a
 * public {@code publicUrl} still does.
 */
final class TlsTrust {
  private TlsTrust() {}

  static TrustManager[] withExtraCertificates(String pem) {
    try {
      Collection<? extends Certificate> extra =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(
                  new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (extra.isEmpty()) {
        throw new BackupException(
            StandardErrorCode.INVALID_ARGUMENT,
            "caCert holds no certificate: give the CA certificate(s) in PEM form"
                + " (-----BEGIN CERTIFICATE-----)");
      }
      KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
      trusted.load(null, null);
      int i = 0;
      for (Certificate certificate : extra) {
        trusted.setCertificateEntry("caCert-" + i++, certificate);
      }
      TrustManagerFactory system =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      for (TrustManager manager : system.getTrustManagers()) {
        if (manager instanceof X509TrustManager) {
          for (X509Certificate ca : ((X509TrustManager) manager).getAcceptedIssuers()) {
            trusted.setCertificateEntry("system-" + i++, ca);
          }
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trusted);
      return factory.getTrustManagers();
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "caCert is not a valid PEM certificate: " + e.getMessage(),
          e);
    }
  }
}
