// SPDX-License-Identifier: EUPL-1.2
pragma solidity ^0.8.28;

/// @dev Capacity must be between 1 and the maximum.
error InvalidCapacity(uint64 capacity, uint64 maximum);

/// @dev No status list with this id.
error UnknownStatusList(uint64 statusListId);

/// @dev The caller is not the account of the issuer that owns the list.
error UnauthorizedWriter(uint64 statusListId, address caller);

/// @dev An allocation of zero indices.
error InvalidCount(uint64 count);

/// @dev The list has no room for `requested` more indices.
error StatusListFull(uint64 statusListId, uint64 capacity, uint64 allocated, uint64 requested);

/// @dev The index lies beyond the list's capacity.
error IndexOutOfRange(uint64 statusListId, uint64 statusIndex, uint64 capacity);

/// @dev The index lies within capacity but was never allocated, so no credential carries it.
error IndexNotAllocated(uint64 statusListId, uint64 statusIndex, uint64 allocated);

/// @dev A batch revocation without indices.
error EmptyBatch();

/// @dev The word range [firstWord, firstWord + count) is empty or reaches beyond the list's words.
error WordRangeOutOfBounds(uint64 statusListId, uint64 firstWord, uint64 count, uint64 wordCount);
