package p

type T struct{ X int }

func New(x int) *T { return &T{x} }

func (t *T) Get() *int { return &t.X }
