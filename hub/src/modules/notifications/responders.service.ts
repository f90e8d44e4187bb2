/** Responders: offers, signed replies and steps (implementation follows). */
import type { ResponderDispatch, ResponderStep, User } from '@eldercare/shared';
import { AppError } from '../../http/errors.js';

const pending = () => new AppError(503, 'responder replies are not ready yet');
type Reply = { answer: 'accept' | 'decline'; note?: string };
type Step = { step: ResponderStep; note?: string };

export class RespondersService {
  mine(_u: User): Promise<ResponderDispatch[]> {
    return Promise.reject(pending());
  }
  replyAsUser(_u: User, _offerId: string, _b: Reply): Promise<ResponderDispatch> {
    return Promise.reject(pending());
  }
  stepAsUser(_u: User, _offerId: string, _b: Step): Promise<ResponderDispatch> {
    return Promise.reject(pending());
  }
  byToken(_t: string): Promise<ResponderDispatch> {
    return Promise.reject(pending());
  }
  replyByToken(_t: string, _b: Reply): Promise<ResponderDispatch> {
    return Promise.reject(pending());
  }
  stepByToken(_t: string, _b: Step): Promise<ResponderDispatch> {
    return Promise.reject(pending());
  }
}
