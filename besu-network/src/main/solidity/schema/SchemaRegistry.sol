// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

import {ISchemaRegistry} from "./ISchemaRegistry.sol";
import {Schema, AttributeType} from "./SchemaRegistryTypes.sol";
import "./SchemaRegistryErrors.sol";
import {IIssuerRegistry} from "../issuer/IIssuerRegistry.sol";
import {NotNetworkAdmin, InvalidAccount} from "../common/NetworkErrors.sol";

/// @title Schema registry (see ISchemaRegistry for roles and refusals).
contract SchemaRegistry is ISchemaRegistry {
    IIssuerRegistry private immutable _issuerRegistry;
    mapping(bytes32 schemaKey => Schema) private _schemas;
    mapping(bytes32 idHash => uint32[]) private _versions;

    constructor(IIssuerRegistry issuerRegistry_) {
        if (address(issuerRegistry_) == address(0)) revert InvalidAccount(address(issuerRegistry_));
        _issuerRegistry = issuerRegistry_;
    }

    function issuerRegistry() external view returns (address) {
        return address(_issuerRegistry);
    }

    function registerSchema(
        string calldata schemaId,
        uint32 version,
        string[] calldata attributeNames,
        uint8[] calldata attributeTypes,
        bytes32 documentHash
    ) external {
        // The admin role lives in one place, the issuer registry, so handing it on moves it everywhere.
        if (msg.sender != _issuerRegistry.networkAdmin()) revert NotNetworkAdmin(msg.sender);
        if (bytes(schemaId).length == 0) revert EmptySchemaId();
        if (version == 0) revert InvalidSchemaVersion(version);
        if (attributeNames.length == 0) revert EmptySchema();
        if (attributeNames.length != attributeTypes.length) {
            revert AttributeCountMismatch(attributeNames.length, attributeTypes.length);
        }
        _requireValidAttributes(attributeNames, attributeTypes);
        if (documentHash == bytes32(0)) revert EmptyDocumentHash();

        bytes32 key = _key(schemaId, version);
        if (_schemas[key].version != 0) revert SchemaAlreadyRegistered(schemaId, version);

        Schema storage schema = _schemas[key];
        schema.schemaId = schemaId;
        schema.version = version;
        for (uint256 i = 0; i < attributeNames.length; i++) {
            schema.attributeNames.push(attributeNames[i]);
        }
        schema.attributeTypes = attributeTypes;
        schema.documentHash = documentHash;
        schema.registeredAt = uint64(block.timestamp);
        _versions[keccak256(bytes(schemaId))].push(version);

        emit SchemaRegistered(key, schemaId, version, documentHash);
    }

    function getSchema(string calldata schemaId, uint32 version) external view returns (Schema memory) {
        Schema storage schema = _schemas[_key(schemaId, version)];
        if (schema.version == 0) revert UnknownSchema(schemaId, version);
        return schema;
    }

    function schemaExists(string calldata schemaId, uint32 version) external view returns (bool) {
        return _schemas[_key(schemaId, version)].version != 0;
    }

    function versionsOf(string calldata schemaId) external view returns (uint32[] memory) {
        return _versions[keccak256(bytes(schemaId))];
    }

    function _requireValidAttributes(string[] calldata names, uint8[] calldata types) private pure {
        for (uint256 i = 0; i < names.length; i++) {
            if (bytes(names[i]).length == 0) revert EmptyAttributeName(i);
            if (types[i] > uint8(type(AttributeType).max)) revert InvalidAttributeType(i, types[i]);
            bytes32 nameHash = keccak256(bytes(names[i]));
            // Schemas are short (about a dozen attributes), so a quadratic check is cheaper than a mapping.
            for (uint256 j = 0; j < i; j++) {
                if (keccak256(bytes(names[j])) == nameHash) revert DuplicateAttributeName(i, names[i]);
            }
        }
    }

    function _key(string calldata schemaId, uint32 version) private pure returns (bytes32) {
        return keccak256(abi.encode(schemaId, version));
    }
}
