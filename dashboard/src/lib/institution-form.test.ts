import { describe, expect, it } from 'vitest';
import {
  bulkRooms,
  countBeds,
  emptyInstitution,
  institutionDraftToBody,
  mergeRooms,
  occupancy,
  roomsByFloor,
  validateInstitution,
} from './institution-form';

describe('bulkRooms', () => {
  it('numbers rooms from the first number, each with beds 1..n', () => {
    const rooms = bulkRooms({ floor: 2, from: 201, count: 3, bedsPerRoom: 2 });
    expect(rooms.map((r) => r.name)).toEqual(['201', '202', '203']);
    expect(rooms.every((r) => r.floor === 2 && r.beds === '1,2')).toBe(true);
  });

  it('clamps absurd counts', () => {
    expect(bulkRooms({ floor: 1, from: 1, count: 10_000, bedsPerRoom: 99 })).toHaveLength(200);
    expect(bulkRooms({ floor: 1, from: 1, count: -3, bedsPerRoom: 1 })).toHaveLength(0);
  });
});

describe('mergeRooms', () => {
  it('skips generated rooms whose names already exist', () => {
    const existing = bulkRooms({ floor: 1, from: 101, count: 2, bedsPerRoom: 1 });
    const merged = mergeRooms(existing, bulkRooms({ floor: 1, from: 102, count: 2, bedsPerRoom: 1 }));
    expect(merged.map((r) => r.name)).toEqual(['101', '102', '103']);
  });
});

describe('institution body', () => {
  it('turns bed text into labels and counts beds', () => {
    const draft = {
      ...emptyInstitution(),
      name: '阳光养老院',
      rooms: [{ name: '101', floor: 1, dementiaZone: true, beds: 'A, B' }],
    };
    expect(countBeds(draft.rooms)).toBe(2);
    expect(institutionDraftToBody(draft).rooms).toEqual([
      { name: '101', floor: 1, dementiaZone: true, beds: ['A', 'B'] },
    ]);
    expect(validateInstitution(draft).errors).toEqual({});
  });

  it('requires a name and room names', () => {
    const { errors } = validateInstitution({
      ...emptyInstitution(),
      rooms: [{ name: ' ', floor: 1, dementiaZone: false, beds: '' }],
    });
    expect(errors.name).toBe('validation.required');
    expect(errors['rooms.0.name']).toBe('validation.required');
  });
});

describe('occupancy and floors', () => {
  const rooms = [
    { id: 'r10', name: '110', floor: 1, dementiaZone: false, beds: [{ id: 'b1', label: '1', residentId: 'p1' }] },
    { id: 'r2', name: '102', floor: 1, dementiaZone: false, beds: [{ id: 'b2', label: '1', residentId: null }] },
    { id: 'r3', name: '201', floor: 2, dementiaZone: true, beds: [] },
  ];

  it('counts used and free beds', () => {
    expect(occupancy({ rooms })).toEqual({ beds: 2, used: 1, free: 1 });
  });

  it('groups rooms by floor in natural order', () => {
    const floors = roomsByFloor(rooms);
    expect(floors.map(([f]) => f)).toEqual([1, 2]);
    expect(floors[0]?.[1].map((r) => r.name)).toEqual(['102', '110']);
  });
});
