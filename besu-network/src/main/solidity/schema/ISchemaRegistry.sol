// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

import {Schema} from "./SchemaRegistryTypes.sol";

/// @title Schema registry: the credential schemas verifiers accept.
/// @notice Roles: the network admin of the IssuerRegistry registers schemas; anyone reads them.
///  Schemas are create-only: a registered (id, version) never changes, so a verifier may cache it.
interface ISchemaRegistry {
    /// @param schemaKey keccak256(abi.encode(schemaId, version)), for filtering
    event SchemaRegistered(bytes32 indexed schemaKey, string schemaId, uint32 version, bytes32 documentHash);

    /// @notice The issuer registry whose network admin may register schemas.
    function issuerRegistry() external view returns (address);

    /// @notice Registers schema `schemaId` version `version`.
    /// @param attributeNames attribute names in BBS message order
    /// @param attributeTypes AttributeType per attribute (0 string, 1 integer, 2 date, 3 enum)
    /// @param documentHash SHA-256 of the canonical JSON schema document
    /// @dev Reverts NotNetworkAdmin(caller); EmptySchemaId(); InvalidSchemaVersion(0); EmptySchema();
    ///  AttributeCountMismatch(names, types); EmptyAttributeName(position); DuplicateAttributeName(position, name);
    ///  InvalidAttributeType(position, type); EmptyDocumentHash(); SchemaAlreadyRegistered(schemaId, version).
    function registerSchema(
        string calldata schemaId,
        uint32 version,
        string[] calldata attributeNames,
        uint8[] calldata attributeTypes,
        bytes32 documentHash
    ) external;

    /// @notice The schema (id, version).
    /// @dev Reverts UnknownSchema(schemaId, version).
    function getSchema(string calldata schemaId, uint32 version) external view returns (Schema memory);

    /// @notice Whether (id, version) is registered.
    function schemaExists(string calldata schemaId, uint32 version) external view returns (bool);

    /// @notice The registered versions of a schema id, in registration order (empty when none).
    function versionsOf(string calldata schemaId) external view returns (uint32[] memory);
}
