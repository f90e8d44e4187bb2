import { describe, expect, it } from 'vitest';
import { addTo, dispatchBody, move, removeAt, type LadderResponder } from './responder-ladder';

const son: LadderResponder = { kind: 'family', name: '王强', phone: '13900000000' };
const neighbour: LadderResponder = { kind: 'neighbour_volunteer', name: '赵磊', phone: '', userId: 'u-1' };
const worker: LadderResponder = { kind: 'community_worker', name: '李敏', phone: '13800000001' };

describe('responder ladder', () => {
  it('adds each person once, in the order picked, at most six', () => {
    let l = addTo([], son);
    l = addTo(l, neighbour);
    l = addTo(l, { ...son });
    l = addTo(l, { ...neighbour, name: 'renamed' }); // same account
    expect(l).toEqual([son, neighbour]);
    for (let i = 0; i < 10; i++) l = addTo(l, { kind: 'family', name: `p${i}`, phone: String(i) });
    expect(l).toHaveLength(6);
  });

  it('moves and removes without touching the rest', () => {
    const l = [son, neighbour, worker];
    expect(move(l, 2, -1)).toEqual([son, worker, neighbour]);
    expect(move(l, 0, -1)).toEqual(l);
    expect(move(l, 2, 1)).toEqual(l);
    expect(removeAt(l, 1)).toEqual([son, worker]);
    expect(l).toEqual([son, neighbour, worker]);
  });

  it('one responder is sent as responder; several as an ordered ladder, or all at once', () => {
    expect(dispatchBody([], { askAllAtOnce: false, note: '' })).toBeNull();
    expect(dispatchBody([son], { askAllAtOnce: true, note: 'n' })).toEqual({
      action: 'dispatch',
      responder: son,
      note: 'n',
    });
    expect(dispatchBody([neighbour, son], { askAllAtOnce: false, note: '' })).toEqual({
      action: 'dispatch',
      responders: [neighbour, son],
      askAllAtOnce: false,
      note: '',
    });
    expect(dispatchBody([neighbour, son], { askAllAtOnce: true, note: '' })?.askAllAtOnce).toBe(true);
  });
});
