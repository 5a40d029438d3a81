package io.stowage.store.s3;

import io.stowage.api.BackupException;
import io.stowage.api.StandardErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeSet;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * The credentials of a location, as Velero's AWS plugin finds them: the file of {@code
 * credentialsFile} (where Velero puts the BackupStorageLocation's {@code spec.credential}, or the
 * plugin's mounted secret) with {@code profile} (default {@code default}), read as a shared
 * credentials file, or also as a shared config file with {@code enableSharedConfig=true}; without a
 * file, the SDK's default chain (environment, system properties, {@code ~/.aws}, web identity,
 * container and instance roles) with {@code profile}.
 *
 * <p>Assume-role and web-identity profiles need {@code software.amazon.awssdk:sts} on the class
 * path; the host adds it when it needs it.
 */
final class S3Credentials {
  private S3Credentials() {}

  static AwsCredentialsProvider provider(S3StoreConfig config) {
    if (config.credentialsFile().isEmpty()) {
      DefaultCredentialsProvider.Builder builder = DefaultCredentialsProvider.builder();
      config.profile().ifPresent(builder::profileName);
      return builder.build();
    }
    Path file = config.credentialsFile().get();
    if (!Files.isReadable(file)) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "the credentials file "
              + file
              + " (credentialsFile) does not exist or cannot be read; check the"
              + " BackupStorageLocation's spec.credential and that the secret is mounted");
    }
    ProfileFile profiles;
    try {
      ProfileFile credentials =
          ProfileFile.builder().content(file).type(ProfileFile.Type.CREDENTIALS).build();
      profiles =
          config.enableSharedConfig()
              ? ProfileFile.aggregator()
                  .addFile(credentials)
                  .addFile(
                      ProfileFile.builder()
                          .content(file)
                          .type(ProfileFile.Type.CONFIGURATION)
                          .build())
                  .build()
              : credentials;
    } catch (RuntimeException e) {
      // The parser's message may quote the offending line, which could hold a secret.
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "the credentials file "
              + file
              + " (credentialsFile) is not an AWS credentials file: it needs a [profile] section"
              + " with aws_access_key_id and aws_secret_access_key");
    }
    String profile = config.profile().orElse("default");
    if (profiles.profile(profile).isEmpty()) {
      throw new BackupException(
          StandardErrorCode.INVALID_ARGUMENT,
          "the credentials file "
              + file
              + " (credentialsFile) has no profile \""
              + profile
              + "\"; profiles there: "
              + new TreeSet<>(profiles.profiles().keySet())
              + " (set profile to one of them)");
    }
    return ProfileCredentialsProvider.builder().profileFile(profiles).profileName(profile).build();
  }
}
