// Command peer answers PRODUCT.md §1 the way a skilled engineer would write it in one sitting:
// a k-ary search on time for the window's id range, a concurrent scan of that range, and one
// global pool that crawls every post's tree as items arrive (a kid is queued the moment its parent
// answers), fetching every item once. It is the benchmark's yardstick, not part of the product.
//
//	peer -hn-api http://127.0.0.1:8089/v0 -hours 24 -as-of 1749556800 -concurrency 64
//
// prints one JSON object: storyId, depth, comments, deepestPath, storiesConsidered, itemsFetched,
// requests. Exit 1 when the API keeps failing.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"net/http"
	"os"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Neighbouring ids can be out of time order by a few minutes; the id range is searched this much wider.
const slackSeconds = 600

type item struct {
	ID      int64   `json:"id"`
	Type    string  `json:"type"`
	Time    int64   `json:"time"`
	Deleted bool    `json:"deleted"`
	Dead    bool    `json:"dead"`
	Kids    []int64 `json:"kids"`
}

type client struct {
	base     string
	http     *http.Client
	slots    chan struct{}
	requests atomic.Int64
}

func newClient(base string, concurrency int) *client {
	transport := &http.Transport{MaxIdleConns: concurrency, MaxIdleConnsPerHost: concurrency, MaxConnsPerHost: concurrency}
	return &client{
		base:  strings.TrimRight(base, "/"),
		http:  &http.Client{Transport: transport, Timeout: 10 * time.Second},
		slots: make(chan struct{}, concurrency),
	}
}

// get decodes the answer of path into out; nil when the API answers null. Transient faults
// (network errors, 401/403/429/5xx, unreadable bodies) are retried with jittered backoff.
func (c *client) get(path string, out any) (found bool, err error) {
	backoff := 50 * time.Millisecond
	for attempt := 1; ; attempt++ {
		found, retry, err := c.try(path, out)
		if !retry {
			return found, err
		}
		if attempt == 30 {
			return false, fmt.Errorf("gave up on %s: %v", path, err)
		}
		time.Sleep(time.Duration(rand.Int64N(int64(backoff))))
		backoff = min(2*backoff, 2*time.Second)
	}
}

func (c *client) try(path string, out any) (found, retry bool, err error) {
	c.slots <- struct{}{}
	defer func() { <-c.slots }()
	c.requests.Add(1)
	resp, err := c.http.Get(c.base + path)
	if err != nil {
		return false, true, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	switch {
	case err != nil:
		return false, true, err
	case resp.StatusCode == 401 || resp.StatusCode == 403 || resp.StatusCode == 429 || resp.StatusCode >= 500:
		return false, true, fmt.Errorf("status %d", resp.StatusCode)
	case resp.StatusCode != 200:
		return false, false, fmt.Errorf("status %d for %s", resp.StatusCode, path)
	case strings.TrimSpace(string(body)) == "null":
		return false, false, nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		return false, true, err
	}
	return true, false, nil
}

// crawl holds every item read and follows the kids of the trees that matter the moment they
// arrive. Workers take tree ids before scan ids, so a thread never waits behind the scan.
type crawl struct {
	api               *client
	from, to          int64
	mu                sync.Mutex
	work              *sync.Cond
	items             map[int64]*item // nil value: answered null
	requested         map[int64]bool
	wanted            map[int64]bool // ids inside a window post's tree, whose kids must be followed
	posts             []int64
	treeIDs           []int64 // queued tree ids, taken first
	scanNext, scanEnd int64
	inFlight          int
	failure           error
}

func (c *crawl) isPost(it *item) bool {
	return (it.Type == "story" || it.Type == "poll") && !it.Dead && !it.Deleted && it.Time > c.from && it.Time <= c.to
}

// follow marks id's subtree as wanted and queues what is not read yet; the caller holds mu.
func (c *crawl) follow(id int64) {
	stack := []int64{id}
	for len(stack) > 0 {
		id := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		it, read := c.items[id]
		if !read {
			if !c.requested[id] { // else in flight: followed on arrival, since it is wanted now
				c.requested[id] = true
				c.treeIDs = append(c.treeIDs, id)
				c.work.Signal()
			}
			continue
		}
		if it == nil || it.Time > c.to {
			continue // null, or later than asOf: left out with its replies
		}
		for _, kid := range it.Kids {
			if !c.wanted[kid] {
				c.wanted[kid] = true
				stack = append(stack, kid)
			}
		}
	}
}

// next is the id to fetch, or false when nothing is queued or in flight; the caller holds mu.
func (c *crawl) next() (int64, bool) {
	for {
		if n := len(c.treeIDs); n > 0 {
			id := c.treeIDs[n-1]
			c.treeIDs = c.treeIDs[:n-1]
			return id, true
		}
		for c.scanNext < c.scanEnd {
			id := c.scanNext
			c.scanNext++
			if !c.requested[id] {
				c.requested[id] = true
				return id, true
			}
		}
		if c.inFlight == 0 || c.failure != nil {
			c.work.Broadcast()
			return 0, false
		}
		c.work.Wait()
	}
}

func (c *crawl) worker(done *sync.WaitGroup) {
	defer done.Done()
	c.mu.Lock()
	defer c.mu.Unlock()
	for {
		id, ok := c.next()
		if !ok {
			return
		}
		c.inFlight++
		c.mu.Unlock()
		var it item
		found, err := c.api.get(fmt.Sprintf("/item/%d.json", id), &it)
		c.mu.Lock()
		c.inFlight--
		switch {
		case err != nil:
			c.failure = err
		case !found:
			c.items[id] = nil
		default:
			c.items[id] = &it
			if c.isPost(&it) && !c.wanted[id] {
				c.posts = append(c.posts, id)
				c.wanted[id] = true
			}
			if c.wanted[id] {
				c.follow(id)
			}
		}
		if c.inFlight == 0 {
			c.work.Broadcast()
		}
	}
}

// probeTimes reads the time of each point, or of the first of the next few ids that answers;
// math.MinInt64 where all of them answer null (such runs lie below the first item).
func probeTimes(api *client, points []int64, hi int64) ([]int64, error) {
	times := make([]int64, len(points))
	var wg sync.WaitGroup
	var failed atomic.Value
	for i, p := range points {
		wg.Add(1)
		go func() {
			defer wg.Done()
			times[i] = math.MinInt64
			for id := p; id < min(p+4, hi); id++ {
				var it item
				found, err := api.get(fmt.Sprintf("/item/%d.json", id), &it)
				if err != nil {
					failed.Store(err)
					return
				}
				if found && it.Time > 0 {
					times[i] = it.Time
					return
				}
			}
		}()
	}
	wg.Wait()
	if err, _ := failed.Load().(error); err != nil {
		return nil, err
	}
	return times, nil
}

// narrow keeps the slice between the last probe at or before target and the first one after it.
func narrow(points, times []int64, target, lo, hi int64) (int64, int64) {
	for i, p := range points {
		if times[i] > target {
			return lo, p
		}
		lo = p
	}
	return lo, hi
}

// firstIDAfter is the smallest id in (lo, hi] whose time may be after target. The first round
// gallops down from hi (the window lies near the newest ids), then 16 probes a round narrow it.
func firstIDAfter(api *client, target, lo, hi int64) (int64, error) {
	var points []int64
	for k := 15; k >= 0; k-- {
		if p := hi - 1 - (int64(1000) << k); p > lo {
			points = append(points, p)
		}
	}
	for hi-lo > 1 {
		times, err := probeTimes(api, points, hi)
		if err != nil {
			return 0, err
		}
		lo, hi = narrow(points, times, target, lo, hi)
		points = points[:0]
		for i := int64(1); i <= 16; i++ {
			if p := lo + (hi-lo)*i/17; p > lo && p < hi && (len(points) == 0 || points[len(points)-1] != p) {
				points = append(points, p)
			}
		}
	}
	return hi, nil
}

type answer struct {
	StoryID           *int64  `json:"storyId"`
	Depth             *int    `json:"depth"`
	Comments          *int    `json:"comments"`
	DeepestPath       []int64 `json:"deepestPath"`
	StoriesConsidered int     `json:"storiesConsidered"`
	ItemsFetched      int     `json:"itemsFetched"`
	Requests          int64   `json:"requests"`
}

// measure is §1 for one post: breadth-first, each id once at its shallowest place.
func (c *crawl) measure(post int64) (depth, comments int, path []int64) {
	parent := map[int64]int64{post: post}
	frontier := append([]int64(nil), c.items[post].Kids...)
	for _, kid := range frontier {
		parent[kid] = post
	}
	var deepest int64
	for level := 1; len(frontier) > 0; level++ {
		var next []int64
		for _, id := range frontier {
			it := c.items[id]
			if it == nil || it.Time > c.to {
				continue
			}
			if !it.Deleted && !it.Dead {
				comments++
				if level > depth || id < deepest {
					depth, deepest = level, id
				}
			}
			for _, kid := range it.Kids {
				if _, seen := parent[kid]; !seen {
					parent[kid] = id
					next = append(next, kid)
				}
			}
		}
		frontier = next
	}
	for id := deepest; depth > 0 && id != post; id = parent[id] {
		path = append([]int64{id}, path...)
	}
	return depth, comments, path
}

func run(base string, hours int, asOf int64, concurrency int) (answer, error) {
	api := newClient(base, concurrency)
	var maxID int64
	if _, err := api.get("/maxitem.json", &maxID); err != nil {
		return answer{}, err
	}
	from := asOf - int64(hours)*3600
	first, err := firstIDAfter(api, from-slackSeconds, 0, maxID+1)
	if err != nil {
		return answer{}, err
	}
	end, err := firstIDAfter(api, asOf+slackSeconds, first-1, maxID+1)
	if err != nil {
		return answer{}, err
	}
	c := &crawl{api: api, from: from, to: asOf, items: map[int64]*item{}, requested: map[int64]bool{},
		wanted: map[int64]bool{}, scanNext: first, scanEnd: end}
	c.work = sync.NewCond(&c.mu)
	var workers sync.WaitGroup
	for range concurrency {
		workers.Add(1)
		go c.worker(&workers)
	}
	workers.Wait()
	if c.failure != nil {
		return answer{}, c.failure
	}
	sort.Slice(c.posts, func(i, j int) bool { return c.posts[i] < c.posts[j] })
	best := answer{StoriesConsidered: len(c.posts), ItemsFetched: len(c.items), Requests: api.requests.Load()}
	for _, post := range c.posts {
		depth, comments, path := c.measure(post)
		better := best.StoryID == nil || depth > *best.Depth || (depth == *best.Depth && comments > *best.Comments)
		if better {
			id := post
			best.StoryID, best.Depth, best.Comments, best.DeepestPath = &id, &depth, &comments, path
		}
	}
	if best.StoryID != nil && best.DeepestPath == nil {
		best.DeepestPath = []int64{}
	}
	return best, nil
}

func main() {
	base := flag.String("hn-api", "https://hacker-news.firebaseio.com/v0", "HN API base URL")
	hours := flag.Int("hours", 24, "window length in hours")
	asOf := flag.Int64("as-of", time.Now().Unix(), "end of the window, epoch seconds")
	concurrency := flag.Int("concurrency", 64, "requests in flight at once")
	flag.Parse()
	result, err := run(*base, *hours, *asOf, *concurrency)
	if err != nil {
		fmt.Fprintln(os.Stderr, "peer:", err)
		os.Exit(1)
	}
	json.NewEncoder(os.Stdout).Encode(result)
}
