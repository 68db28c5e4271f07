// Self-stores: a value loaded from an object and stored back into the same
// object makes nothing reachable that was not (gc's self-assignment rule,
// here on GIMPLE, through gccgo's temporaries and write barriers).  Any
// other store through a parameter leaks what it stores.
package p

type Buffer struct {
	buf1, buf2 []byte
	str1, str2 string
	arr        [8]byte
	arrPtr     *[8]byte
}

type Pair struct{ p1, p2 *int }

type BoxedPair struct{ pair *Pair }

type Node struct {
	next *Node
	v    *int
}

func (b *Buffer) Reslice() { // PARAM: name=b leak_heap=null leak_result=null
	b.buf1 = b.buf1[1:2]
	b.buf1 = b.buf2[1:2:3]
	b.str1 = b.str2[1:]
	b.buf1 = b.arrPtr[1:2]
}

func (b *Buffer) OwnArray() { // PARAM: name=b leak_heap=0 leak_result=null
	b.buf1 = b.arr[1:2] // the address of b's own array: b itself leaks
}

func Swap(p *Pair) { // PARAM: name=p leak_heap=null leak_result=null
	p.p1, p.p2 = p.p2, p.p1
}

// gccgo loads b.pair twice; the two loads read the same memory in the same
// state (one virtual operand), so they are one value, and this is a
// self-store (gc: "b does not escape").
func Boxed(b *BoxedPair) { // PARAM: name=b leak_heap=null leak_result=null
	b.pair.p1 = b.pair.p2
}

// A store between the two loads: they may differ, so no self-store.
func BoxedChanged(b *BoxedPair, q *Pair) { // PARAM: name=b leak_heap=2 leak_result=null
	x := b.pair
	b.pair = q // PARAM@46: name=q leak_heap=0 leak_result=null
	x.p1 = b.pair.p2
}

func Reverse(s []*int) { // PARAM: name=s leak_heap=null leak_result=null
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func Unlink(np **Node) { // PARAM: name=np leak_heap=null leak_result=null
	n := *np
	*np = n
}

func Other(a, b *Pair) { // PARAM: name=a leak_heap=null leak_result=null
	a.p1 = b.p1 // PARAM@63: name=b leak_heap=1 leak_result=null
}

func Up(n *Node) { // PARAM: name=n leak_heap=2 leak_result=null
	n.v = n.next.v // from the next node into this one
}

func Itself(n *Node) { // PARAM: name=n leak_heap=0 leak_result=null
	n.next = n
}

// A value carried from one call of a closure to the next is no self-store,
// though every call stores through its own q: bs's pairs' p2 (3 derefs)
// reach the heap.  f(b) is resolved to the func literal by points-to.
func Carry(bs []*BoxedPair) { // PARAM: name=bs leak_heap=3 leak_result=null
	var keep *int // JSON: kind=var name=keep verdict=stack class=both-stack
	f := func(b *BoxedPair) { // JSON: kind=closure verdict=stack class=both-stack
		// PARAM@80: name=b function=p.Carry.func1 leak_heap=2 leak_result=null
		q := b.pair
		q.p1 = keep // from the previous call's pair
		keep = q.p2
	}
	for _, b := range bs {
		f(b)
	}
}
