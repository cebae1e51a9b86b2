package dev.lifeline.server.desktop;

import java.util.Optional;

/** How a desktop's softphone reaches the voice network; sim mode answers with the emulator's voice plane. */
public interface SoftphoneAccess {

    Optional<SoftphoneConfig> forIdentity(String identity);

    SoftphoneAccess NONE = identity -> Optional.empty();
}
