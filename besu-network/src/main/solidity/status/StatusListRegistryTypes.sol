// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @notice A status list: a bit string owned by one issuer. Bit i is credential index i; 1 means revoked.
/// @dev Bit i lives in word i / 256 at bit position i % 256, counted from the least significant bit.
struct StatusList {
    uint64 statusListId;
    /// @dev the owning issuer; its current account alone writes the list
    bytes20 issuerOin;
    /// @dev number of bits; indices run from 0 to capacity - 1
    uint64 capacity;
    /// @dev indices 0 .. allocated - 1 have been handed out
    uint64 allocated;
    uint64 revokedCount;
    uint64 createdAt;
}
