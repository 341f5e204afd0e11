//! Synthetic workbooks: the bundled sample team and generated organisations.
