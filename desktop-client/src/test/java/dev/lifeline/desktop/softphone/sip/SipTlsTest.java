package dev.lifeline.desktop.softphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeline.desktop.softphone.SoftphoneState;
import dev.lifeline.desktop.softphone.audio.NullAudioDevice;
import dev.lifeline.desktop.softphone.media.PortRange;
import dev.lifeline.desktop.testing.Await;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS checks the server's certificate: a self-signed one is trusted only through a trust store that holds
 * it; against the JDK's trust store the phone fails with a plain reason and never registers.
 */
class SipTlsTest {

    private static final String PASSWORD = "changeit-test";
    private static final int REGISTRAR_PORT = 16081;

    @TempDir
    static Path keys;

    private static Path serverKeyStore;
    private static Path trustStore;
    private FakeTlsRegistrar registrar;
    private SipSoftphone phone;

    @BeforeAll
    static void makeASelfSignedCertificate() throws Exception {
        serverKeyStore = keys.resolve("server.p12");
        trustStore = keys.resolve("trust.p12");
        Path certificate = keys.resolve("server.crt");
        keytool("-genkeypair", "-alias", "registrar", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=IP:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", serverKeyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        keytool("-exportcert", "-alias", "registrar", "-keystore", serverKeyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "registrar", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", trustStore.toString(), "-storepass", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (phone != null) {
            phone.close();
        }
        if (registrar != null) {
            registrar.close();
        }
    }

    @Test
    void aServerCertificateInTheConfiguredTrustStoreIsAccepted() throws Exception {
        registrar = new FakeTlsRegistrar(serverKeyStore, PASSWORD, REGISTRAR_PORT);

        phone = start(options().withTrustStore(trustStore, PASSWORD));

        Await.until("the phone registers over TLS", () -> phone.state().isReady());
        assertThat(registrar.registers.get()).isEqualTo(1);
    }

    @Test
    void aCertificateTheJdkDoesNotTrustFailsWithAPlainReason() throws Exception {
        registrar = new FakeTlsRegistrar(serverKeyStore, PASSWORD, REGISTRAR_PORT);

        phone = start(options());

        Await.until("the phone gives up", () -> phone.state().phase() == SoftphoneState.Phase.FAILED);
        assertThat(phone.state().reason()).isEqualTo("the SIP server's TLS certificate is not trusted");
        assertThat(registrar.registers.get()).isZero();
    }

    private static SipOptions options() {
        return SipOptions.defaults().withLocal("127.0.0.1", 16082).withRtpPorts(new PortRange(32100, 32199))
                .withRegisterExpiry(Duration.ofSeconds(60));
    }

    private static SipSoftphone start(SipOptions options) {
        SipAccount account = new SipAccount("sip:alice@127.0.0.1", "alice", "unused-here", "127.0.0.1",
                REGISTRAR_PORT, SipTransport.TLS);
        SipSoftphone phone = new SipSoftphone(account, options, new NullAudioDevice());
        phone.register("alice", (callSid, from) -> {
        });
        return phone;
    }

    private static void keytool(String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", arguments[0], output).isZero();
    }
}
