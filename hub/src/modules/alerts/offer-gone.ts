import { AppError } from '../../http/errors.js';

/** A responder's answer came too late: the offer was answered, withdrawn or timed out. */
export class OfferGone extends AppError {
  constructor(msg = 'this dispatch was already answered, withdrawn or timed out') {
    super(410, msg);
  }
}
