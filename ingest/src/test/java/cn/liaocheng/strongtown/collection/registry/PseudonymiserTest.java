package cn.liaocheng.strongtown.collection.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;


class PseudonymiserTest {

    @TempDir
    Path state;

    @Test
    void createsItsKeyAndSecretsFolderForTheOwnerOnly() throws IOException {
        assumeTrue(System.getenv(Pseudonymiser.ENV_KEY) == null, "key taken from the environment");
        Path key = state.resolve("secrets").resolve("pseudonym.key");
        String id = Pseudonymiser.fromKeyFile(key).enterpriseId("91371500MA3C000001");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key.getParent()))).isEqualTo("rwx------");
        assertThat(Pseudonymiser.fromKeyFile(key).enterpriseId("91371500MA3C000001")).as("same key read back").isEqualTo(id);
    }
}
