// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @notice How an attribute is mapped to a BBS message (the encoding itself is zkp-service's).
/// @dev Passed and returned as uint8: 0 string, 1 integer, 2 date, 3 enum.
enum AttributeType {
    String,
    Integer,
    Date,
    Enum
}

/// @notice A registered credential schema. Create-only: never changes once registered.
struct Schema {
    string schemaId;
    uint32 version;
    /// @dev attribute names in BBS message order
    string[] attributeNames;
    /// @dev AttributeType per attribute, same order
    uint8[] attributeTypes;
    /// @dev SHA-256 of the canonical JSON schema document
    bytes32 documentHash;
    uint64 registeredAt;
}
