// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @dev The schema id is empty.
error EmptySchemaId();

/// @dev Versions start at 1.
error InvalidSchemaVersion(uint32 version);

/// @dev A schema needs at least one attribute.
error EmptySchema();

/// @dev Every attribute needs exactly one type.
error AttributeCountMismatch(uint256 names, uint256 types);

/// @dev The attribute at this position has an empty name.
error EmptyAttributeName(uint256 position);

/// @dev The attribute at this position repeats an earlier name.
error DuplicateAttributeName(uint256 position, string name);

/// @dev The attribute at this position has a type outside AttributeType.
error InvalidAttributeType(uint256 position, uint8 attributeType);

/// @dev The document hash is zero.
error EmptyDocumentHash();

/// @dev This (id, version) is registered already; schemas are create-only.
error SchemaAlreadyRegistered(string schemaId, uint32 version);

/// @dev No schema with this (id, version).
error UnknownSchema(string schemaId, uint32 version);
