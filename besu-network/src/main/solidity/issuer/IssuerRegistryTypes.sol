// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @notice An accredited issuer (a municipality's debt-help service) as callers see it.
/// @dev Only organisation data: an OIN is a public organisation number, never personal data.
struct IssuerView {
    /// @dev the 20-digit OIN as 20 ASCII digits
    bytes20 oin;
    string name;
    /// @dev the only account that may write this issuer's status lists
    address account;
    bool active;
    uint64 accreditedAt;
    /// @dev the key that signs new credentials; older keys stay in the history
    bytes32 currentKeyId;
    uint32 keyCount;
}

/// @notice One BBS public key of an issuer, current or historical.
struct IssuerKey {
    /// @dev ASCII key id, left-aligned and zero-padded, e.g. "00000001002220647000-k1"
    bytes32 keyId;
    bytes20 issuerOin;
    /// @dev compressed BLS12-381 G2 point, 96 octets
    bytes publicKey;
    /// @dev unix seconds: first instant the key may sign
    uint64 validFrom;
    /// @dev unix seconds: from this instant the key verifies nothing
    uint64 validUntil;
    uint64 addedAt;
    /// @dev unix seconds at which a rotation replaced this key; 0 while it is the current key
    uint64 retiredAt;
    /// @dev true when the admin revoked the key (compromise), not merely rotated it out
    bool revoked;
}
