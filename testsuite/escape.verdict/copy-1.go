// Verdicts on copy and append: copying memory that holds no pointers
// moves no value (gccgo calls __builtin_memmove for it, typed with the
// elements), copying memory that holds pointers does
// (runtime.typedslicecopy, runtime.growslice).
package p

var Bytes []byte
var Ints []int
var Ptrs []*int

func CopyString(s string) { // PARAM: name=s leak_heap=null leak_result=null
	copy(Bytes, s)
}

func CopyInts(a []int) { // PARAM: name=a leak_heap=null leak_result=null
	copy(Ints, a)
}

func CopyPtrs(a []*int) { // PARAM: name=a leak_heap=1 leak_result=null
	copy(Ptrs, a)
}

func AppendInts(a []int) { // PARAM: name=a leak_heap=null leak_result=null
	Ints = append(Ints, a...) // JSON: kind=append gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

func AppendPtrs(a []*int) { // PARAM: name=a leak_heap=1 leak_result=null
	Ptrs = append(Ptrs, a...) // JSON: kind=append gccgo=heap verdict=heap verdict_reason=escapes class=both-heap
}

func CopyIntoLocal(a []*int) *int { // PARAM: name=a leak_heap=null leak_result=1
	b := make([]*int, 4) // JSON: kind=make-slice gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	copy(b, a)
	return b[0]
}

func CopyBytesLocal() int {
	b := make([]byte, 8) // JSON: kind=make-slice gccgo=stack verdict=stack verdict_reason=does-not-escape class=both-stack
	copy(b, "hello")
	return len(b)
}
