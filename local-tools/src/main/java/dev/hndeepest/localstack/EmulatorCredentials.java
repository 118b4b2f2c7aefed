package dev.hndeepest.localstack;

/**
 * Dummy AWS credentials for the emulator. {@code AwsClients} builds every client with the SDK's
 * default credentials chain, whose first link reads the {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties; setting them here means the local stack needs no
 * AWS environment variables and never signs emulator requests with a real key.
 */
public final class EmulatorCredentials {
  public static final String DUMMY = "test";

  private EmulatorCredentials() {}

  /** Sets both system properties to {@value #DUMMY} unless this JVM already has an access key property. */
  public static void useDummyUnlessSet() {
    synchronized (EmulatorCredentials.class) {
      if (System.getProperty("aws.accessKeyId") == null) {
        System.setProperty("aws.accessKeyId", DUMMY);
        System.setProperty("aws.secretAccessKey", DUMMY);
      }
    }
  }
}
