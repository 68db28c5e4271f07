// JSON records: one per site, with position, function, kind, type and
// gccgo's decision and reason.
package p

type S struct {
	A, B int
	P    *int
}

type T struct{ n int }

//go:noinline
func keep(s *S) int { return s.A } // PARAM: name=s function=p.keep index=0 leak_heap=null leak_result=null

func NewEsc() *S {
	return new(S) // JSON: kind=new gccgo=heap type=S col=9 function=p.NewEsc function_line=15 gccgo_reason=escapes runtime=runtime.newobject verdict=heap verdict_reason=returned escapes=true class=both-heap
}

func NewNoEsc() int {
	s := new(S) // JSON: kind=new gccgo=stack col=7 gccgo_reason=does-not-escape runtime=null verdict=stack verdict_reason=does-not-escape escapes=false class=both-stack path=null
	return keep(s)
}

func Moved() *int {
	x := 1 // JSON: kind=var gccgo=heap name=x col=2 gccgo_reason=moved-to-heap gccgo_note=moved\sto\sheap:\sx
	return &x
}

func Param(a int) *int { // JSON: kind=param gccgo=heap name=a col=12
	return &a
}

func MakeVar(n int) int {
	s := make([]int, n) // JSON: kind=make-slice gccgo=heap size=var type=[]int gccgo_reason=non-constant-size verdict=heap verdict_reason=non-constant-size escapes=false class=both-heap path=null
	return len(s)
}

func MakeConst() int {
	s := make([]int, 10) // JSON: kind=make-slice gccgo=stack size=const length=10 type=[]int
	s[1] = 2
	return s[1] + len(s)
}

func (t *T) Get() int { return t.n } // PARAM: name=t function=p.(*T).Get leak_heap=null leak_result=null

func (t *T) Lit() *S { // PARAM: name=t function=p.(*T).Lit leak_heap=null leak_result=null
	return &S{A: t.n} // JSON: kind=composite-literal gccgo=heap function=p.(*T).Lit type=S
}

func (t T) Val() func() int { // JSON: kind=var gccgo=heap name=t gccgo_note=moved\sto\sheap:\st
	return func() int { return t.n } // JSON: kind=closure gccgo=heap function=p.T.Val
}

func (t *T) Closure() func() *int { // PARAM: name=t function=p.(*T).Closure leak_heap=null leak_result=null
	return func() *int { // JSON: kind=closure gccgo=static function=p.(*T).Closure gccgo_reason=no-captures verdict=static class=static
		return new(int) // JSON: kind=new gccgo=heap function=p.(*T).Closure.func1 type=int bytes=8
	}
}

func Größe() *S {
	return new(S) // JSON: kind=new gccgo=heap function=p.Größe
}
